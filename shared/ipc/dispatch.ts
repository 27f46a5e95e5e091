import { channels } from './channels';
import type { Services } from './api';
import { ServiceError, toErrorData, type Envelope } from './errors';

/** Receives one call from a transport and answers with an envelope, never a throw. */
export type Dispatch = (channel: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

/**
 * Validates a call against the contract, hands it to the service, and turns every failure into
 * `{ code, message }`. Both the Electron handlers and the loopback server use this one function,
 * so both transports enforce exactly the same contract.
 */
export function createDispatch(services: Services, onUnexpected?: (channel: string, err: unknown) => void): Dispatch {
  return async (channel, rawArgs) => {
    const spec = channels.get(channel);
    if (!spec) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Unknown call: ${channel}` } };
    }
    try {
      const args = spec.args.parse(Array.isArray(rawArgs) ? rawArgs : [rawArgs]) as unknown[];
      const [service, name] = channel.split('.') as [keyof Services, string];
      const impl = (services[service] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name];
      if (!impl) throw new ServiceError('INTERNAL', `No implementation for ${channel}`);
      const value = spec.result.parse(await impl.apply(services[service], args));
      return { ok: true, value };
    } catch (err) {
      const data = toErrorData(err);
      if (data.code === 'INTERNAL') onUnexpected?.(channel, err);
      return { ok: false, error: data };
    }
  };
}
