import { z } from 'zod';

/** One callable method of a service: its arguments, its result, and how the result travels. */
export interface MethodSpec<A extends z.ZodTuple = z.ZodTuple, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
  /** True when the result is raw bytes (sent as a binary body by the loopback transport). */
  readonly binary: boolean;
}

export function method<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result, binary: false };
}

/** Bytes as they cross the boundary. */
export const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "expected bytes" });

export function binaryMethod<A extends z.ZodTuple>(args: A): MethodSpec<A, typeof Bytes> {
  return { args, result: Bytes, binary: true };
}

/** An event a service emits; `onDid…` subscriptions carry this payload. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export function event<P extends z.ZodType>(payload: P): EventSpec<P> {
  return { payload };
}
