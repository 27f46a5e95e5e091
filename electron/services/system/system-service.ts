import os from 'node:os';
import type { SystemInfo } from '../../../shared/domain/system-info';
import type { ServiceImpl } from '../../../shared/ipc/api';

export interface SystemFacts {
  appVersion: string;
  transport: SystemInfo['transport'];
  dataDirectory: string;
  electronVersion?: string;
}

/** Facts about this installation, for the About panel and support requests. */
export class SystemService implements ServiceImpl<'system'> {
  constructor(private readonly facts: SystemFacts) {}

  async getInfo(): Promise<SystemInfo> {
    return {
      appName: 'Tandem',
      appVersion: this.facts.appVersion,
      transport: this.facts.transport,
      platform: process.platform,
      arch: process.arch,
      nodeVersion: process.versions.node,
      electronVersion: this.facts.electronVersion,
      cpuCount: os.cpus().length,
      totalMemoryBytes: os.totalmem(),
      dataDirectory: this.facts.dataDirectory,
    };
  }
}
