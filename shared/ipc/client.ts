import type { TandemApi } from './api';
import { channels } from './channels';
import { contract, type Events } from './contract';
import { ServiceError, type Envelope } from './errors';

/** What a transport provides on the renderer side. */
export interface ClientTransport {
  invoke(channel: string, args: unknown[], binary: boolean): Promise<Envelope<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the typed API from the contract over any transport. Results are checked against the
 * contract here too, so a transport that mangles a value fails loudly instead of subtly.
 */
export function createApi(transport: ClientTransport): TandemApi {
  const api: Record<string, unknown> = {};
  for (const [service, methods] of Object.entries(contract)) {
    const client: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const name of Object.keys(methods)) {
      const channel = `${service}.${name}`;
      const spec = channels.get(channel)!;
      client[name] = async (...args: unknown[]) => {
        const envelope = await transport.invoke(channel, args, spec.binary);
        if (!envelope.ok) throw ServiceError.fromData(envelope.error);
        return spec.result.parse(envelope.value);
      };
    }
    api[service] = client;
  }
  api.events = {
    on<E extends keyof Events>(name: E, listener: (payload: unknown) => void) {
      return transport.subscribe(name, listener);
    },
  };
  return api as TandemApi;
}
