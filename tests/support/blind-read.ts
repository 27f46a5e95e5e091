import { defaultManagement } from '../../shared/report/birads-lexicon';
import { CHEST_FINDING_IDS } from '../../shared/domain/chest-findings';
import { emptyChestReport } from '../../shared/report/chest-report';
import { emptyMammoReport } from '../../shared/report/mammo-report';
import type { ServiceContainer } from '../../electron/services/compose';

/**
 * Does the reader's part that unseals the AI: opens the study's reading, writes a complete
 * negative first read (BI-RADS 1 both breasts, or every chest finding absent) and signs it.
 */
export async function signNegativeFirstRead(container: ServiceContainer, sourceId: string, studyUid: string, kind: 'mammo' | 'chest'): Promise<void> {
  const reading = container.services.reading;
  const opened = await reading.open(sourceId, studyUid, kind, 'en');
  const report =
    kind === 'mammo'
      ? {
          ...emptyMammoReport('en'),
          composition: 'b' as const,
          breasts: { R: { findings: [], assessment: '1' as const }, L: { findings: [], assessment: '1' as const } },
          overallAssessment: '1' as const,
          management: defaultManagement('1'),
        }
      : {
          ...emptyChestReport('en'),
          findings: Object.fromEntries(CHEST_FINDING_IDS.map((id) => [id, 'absent' as const])),
          impression: 'No acute finding.',
        };
  const saved = await reading.saveDraft(studyUid, opened.revision, report);
  await reading.signFirstRead(studyUid, saved.revision, 'Test Reader');
}
