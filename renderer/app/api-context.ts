import { createContext, useContext } from 'react';
import type { TandemApi } from '../../shared/ipc/api';

export const ApiContext = createContext<TandemApi | null>(null);

/** The typed contract, whichever transport carries it. */
export function useApi(): TandemApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
