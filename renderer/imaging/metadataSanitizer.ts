import { metaData } from '@cornerstonejs/metadata';

/**
 * Runs between cornerstone's metadata cache (priority 50 000) and the instance lookup (5 000),
 * so every value of one metadata module passes through `sanitize` before an image is built.
 */
const PRIORITY = 10_000;

export function addSanitizingProvider<T>(module: string, sanitize: (value: T) => T): void {
  metaData.addTypedProvider(
    module as Parameters<typeof metaData.addTypedProvider>[0],
    (next, query, data, options) => {
      const value = next(query, data, options);
      return value instanceof Promise ? value.then((v) => sanitize(v as T)) : sanitize(value as T);
    },
    { priority: PRIORITY },
  );
}
