import { contract, events, type Contract, type Events } from './contract';
import type { MethodSpec } from './method';

/** `service.method`, e.g. `worklist.searchForStudies`. */
export type Channel = {
  [S in keyof Contract]: `${S & string}.${keyof Contract[S] & string}`;
}[keyof Contract];

export type EventName = keyof Events & string;

/** The IPC channel an event travels on. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}

/** Every method channel in the contract, with its spec. Built once. */
export const channels: ReadonlyMap<string, MethodSpec> = new Map(
  Object.entries(contract).flatMap(([service, methods]) =>
    Object.entries(methods).map(([name, spec]) => [`${service}.${name}`, spec as MethodSpec] as const),
  ),
);

export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: string): name is Channel {
  return channels.has(name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
