import { z } from 'zod';
import { HangingProtocol } from '../protocol-schema';
import chestPaLateral from './chest-pa-lateral.json' with { type: 'json' };
import fallbackGrid from './fallback-grid.json' with { type: 'json' };
import mammoScreening from './mammo-screening.json' with { type: 'json' };

/**
 * Checks protocol data against the schema and fills in its defaults. Throws an Error naming the
 * protocol and every problem, so a bad site protocol is refused as a whole, never half-applied.
 */
export function parseHangingProtocol(data: unknown): HangingProtocol {
  const result = HangingProtocol.safeParse(data);
  if (result.success) return result.data;
  const id = typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : '(no id)';
  throw new Error(`Hanging protocol ${id} is invalid:\n${z.prettifyError(result.error)}`);
}

/** Tandem's own protocols, most specific first; the fallback grid is last and always applies. */
export const builtInProtocols: readonly HangingProtocol[] = [mammoScreening, chestPaLateral, fallbackGrid].map(parseHangingProtocol);
