import { describe, expect, it } from 'vitest';
import { cadFromSr } from '../../../shared/dicom/sr/cad-from-sr';
import { reportFromSr } from '../../../shared/dicom/sr/report-from-sr';
import { finalObjects } from './final-objects';
import { readPart10, writePart10 } from './part10-codec';
import { chestReport, finalSession, mammoReport, sampleContext } from './testing/sample-reading';

async function written(session: ReturnType<typeof finalSession>) {
  const { objects } = await finalObjects(session, sampleContext());
  return objects.map((o) => ({ role: o.role, ds: readPart10(writePart10(o.dataset)) }));
}

describe('SR read-back', () => {
  it('a Russian BI-RADS report comes back from its Part 10 bytes as written, with the revision reason and reader', async () => {
    const report = mammoReport('ru');
    const base = finalSession();
    const objects = await written({ ...base, report, final: { ...base.final!, report } });
    const decoded = reportFromSr(objects.find((o) => o.role === 'report-sr')!.ds);
    expect(decoded?.observer).toBe('Petrova Anna');
    expect(decoded?.revisionReason).toBe(base.final!.reason);
    const back = decoded!.report;
    expect(back.kind).toBe('mammo');
    if (back.kind !== 'mammo') return;
    expect(back.language).toBe('ru');
    expect(back.composition).toBe('c');
    expect(back.overallAssessment).toBe('4B');
    expect(back.management).toBe('tissue-diagnosis');
    expect(back.comment).toBe(report.comment);
    expect(back.breasts.L).toEqual({ findings: [], assessment: '1' });
    const [mass, calcs] = back.breasts.R.findings;
    expect(mass).toMatchObject({ type: 'mass', mass: { shape: 'irregular', margin: 'spiculated', density: 'high' }, location: { clock: 10, depth: 'middle', distanceFromNippleCm: 4.5 }, associatedFeatures: ['skin-thickening'] });
    expect(mass?.location.point).toMatchObject({ sopInstanceUID: report.breasts.R.findings[0]!.location.point!.sopInstanceUID, column: 120.5, row: 80.25 });
    // "rim" has no verified code: it travels as text in the report's language and still comes back.
    expect(calcs).toMatchObject({ type: 'calcification', calcification: { morphology: 'rim', distribution: 'grouped' }, location: { clock: 'subareolar' } });
  });

  it('a chest report and its CAD SR come back with every finding state, the AI calls and the reader feedback', async () => {
    const report = chestReport('en');
    const base = finalSession();
    const ai = { ...base.ai!, breasts: [], findings: [{ finding: 'cardiomegaly' as const, score: 0.9, positive: true }, { finding: 'pneumothorax' as const, score: 0.12, positive: false }] };
    const objects = await written({ ...base, kind: 'chest', report, final: { ...base.final!, report }, ai, feedback: [{ targetId: 'finding:pneumothorax', verdict: 'agree' }] });
    expect(reportFromSr(objects.find((o) => o.role === 'report-sr')!.ds)?.report).toEqual(report);
    const cad = cadFromSr(objects.find((o) => o.role === 'cad-sr')!.ds);
    expect(cad).toMatchObject({ kind: 'chest', algorithmName: 'Sample mammography model', algorithmVersion: 'sample-mammo 1.0.0', operatingPoint: 0.4 });
    expect(cad?.findings).toEqual([
      { target: 'finding:pneumothorax', positive: false, certaintyPercent: 12, feedback: 'agree' },
      { target: 'finding:cardiomegaly', positive: true, certaintyPercent: 90, feedback: undefined },
    ]);
  });

  it('the mammography CAD SR says per breast what the AI called and the reader\'s false-positive verdict', async () => {
    const cad = cadFromSr((await written(finalSession())).find((o) => o.role === 'cad-sr')!.ds);
    expect(cad?.kind).toBe('mammo');
    expect(cad?.findings).toEqual([
      { target: 'breast:R', positive: true, certaintyPercent: 55, feedback: undefined },
      { target: 'breast:L', positive: true, certaintyPercent: 71, feedback: 'false-positive', falsePositiveMark: { sopInstanceUID: '1.2.826.0.1.3680043.8.498.10001.1.4', column: 120, row: 116 } },
    ]);
  });
});
