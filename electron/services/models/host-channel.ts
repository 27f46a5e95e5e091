import type { OrtHostReply, OrtHostRequest } from './ort-host-protocol';

/**
 * The service's end of the inference process, whatever started it: Electron's utility process
 * (electron/main/adapters) or a forked Node child (`forkOrtHost`).
 */
export interface HostChannel {
  readonly pid: number | undefined;
  send(request: OrtHostRequest): void;
  onMessage(listener: (reply: OrtHostReply) => void): void;
  /** Called once when the process ends, with how it ended ("code 1", "signal SIGSEGV"). */
  onExit(listener: (how: string) => void): void;
  /** While idle the process must not keep the service's process alive; while busy it must. */
  setBusy(busy: boolean): void;
  kill(): void;
}

/** Starts a fresh inference process. */
export type SpawnHost = () => HostChannel;
