import type { z } from 'zod';
import type { Contract, Events } from './contract';
import type { MethodSpec } from './method';

type Args<M> = M extends MethodSpec<infer A, z.ZodType> ? z.input<A> : never;
type Result<M> = M extends MethodSpec<z.ZodTuple, infer R> ? z.output<R> : never;

/**
 * The server side of one service: what the services in Node implement. Arguments are typed as the
 * contract's input, so services also accept direct calls (from other services, from tests) and
 * apply their own defaults; the dispatcher has validated anything that came over a transport.
 */
export type ServiceImpl<S extends keyof Contract> = {
  [M in keyof Contract[S]]: (...args: Args<Contract[S][M]>) => Promise<Result<Contract[S][M]>>;
};

/** All services, as the composition root wires them. */
export type Services = { [S in keyof Contract]: ServiceImpl<S> };

/** The client side: what the renderer calls. Rejections are `ServiceError`. */
export type TandemApi = {
  [S in keyof Contract]: {
    [M in keyof Contract[S]]: Args<Contract[S][M]> extends infer A extends unknown[]
      ? (...args: A) => Promise<Result<Contract[S][M]>>
      : never;
  };
} & {
  events: EventSubscriptions;
};

export type EventPayload<E extends keyof Events> = z.output<Events[E]['payload']>;

/** `onDid…` style subscriptions; each returns the function that unsubscribes. */
export interface EventSubscriptions {
  on<E extends keyof Events>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Publishes events from the services to whichever transport is attached. */
export interface EventSink {
  emit<E extends keyof Events>(name: E, payload: EventPayload<E>): void;
}
