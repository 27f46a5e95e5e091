import { useMemo } from 'react';
import type { InstalledPack } from '../../../shared/models/installed-pack';
import { AiPanel } from './AiPanel';
import { useShownAiResult } from './aiResultStore';
import { packCard } from './packCard';

/**
 * The AI panel for the result currently shown (read through `inference.getResult`); nothing
 * while there is none. The viewer mounts this; the reading workflow can gate it.
 */
export function AiResultPanel({ packs }: { packs: readonly InstalledPack[] }) {
  const result = useShownAiResult();
  const pack = packs.find((p) => p.manifest.id === result?.pack.id && p.manifest.version === result?.pack.version);
  const card = useMemo(() => (pack ? packCard(pack.manifest, pack.notForClinicalUse) : undefined), [pack]);
  if (!result) return null;
  return <AiPanel result={result} card={card} />;
}
