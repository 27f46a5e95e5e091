import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { HangingProtocol } from '../../../shared/hanging/protocol-schema';
import { builtInProtocols, parseHangingProtocol } from '../../../shared/hanging/protocols';
import type { ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic-write';

const StoredProtocols = z.object({ version: z.literal(1), protocols: z.array(z.unknown()) });

/**
 * The user's own hanging protocols, kept in one JSON file written atomically. Each is checked
 * against the same schema as the built-in ones when saved and again when read, so a file edited
 * by hand that breaks the schema loses only the broken protocol, which is reported, not applied.
 */
export class ProtocolStore implements ServiceImpl<'protocols'> {
  private cache: HangingProtocol[] | undefined;
  private problems: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async list() {
    const user = await this.load();
    return { builtIn: [...builtInProtocols], user, problems: this.problems };
  }

  async save(data: unknown) {
    let protocol: HangingProtocol;
    try {
      protocol = parseHangingProtocol(data);
    } catch (error) {
      throw new ServiceError('INVALID_ARGUMENT', (error as Error).message);
    }
    if (!protocol.match && builtInProtocols.some((p) => !p.match)) {
      throw new ServiceError('INVALID_ARGUMENT', `Hanging protocol ${protocol.id} has no "match" rules: only the built-in fallback grid may apply to every study.`);
    }
    return this.serialised(async () => {
      const user = (await this.load()).filter((p) => p.id !== protocol.id);
      await this.write([protocol, ...user]);
      return protocol;
    });
  }

  async remove(id: string) {
    await this.serialised(async () => {
      const user = await this.load();
      if (!user.some((p) => p.id === id)) throw new ServiceError('NOT_FOUND', `There is no protocol of yours with id "${id}"; built-in protocols cannot be removed.`);
      await this.write(user.filter((p) => p.id !== id));
    });
  }

  private async load(): Promise<HangingProtocol[]> {
    if (this.cache) return this.cache;
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.cache = []);
      throw error;
    }
    const stored = StoredProtocols.safeParse(JSON.parse(raw));
    this.problems = [];
    if (!stored.success) {
      this.problems.push(`${this.file} is not a protocol list; it was ignored.`);
      return (this.cache = []);
    }
    const protocols: HangingProtocol[] = [];
    for (const entry of stored.data.protocols) {
      try {
        protocols.push(parseHangingProtocol(entry));
      } catch (error) {
        this.problems.push((error as Error).message);
      }
    }
    return (this.cache = protocols);
  }

  private async write(protocols: HangingProtocol[]): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify({ version: 1, protocols }, null, 2));
    this.cache = protocols;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
