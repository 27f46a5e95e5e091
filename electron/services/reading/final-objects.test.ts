import { describe, expect, it } from 'vitest';
import { finalObjects } from './final-objects';
import { writePart10 } from './part10-codec';
import { dciodvfy, dsrdump } from './testing/dicom-validators';
import { chestReport, finalSession, sampleContext } from './testing/sample-reading';

describe('objects of a final report', () => {
  it('mammography: TID 4200 SR, TID 4000 CAD SR, heatmap SCs and the PDF all pass dciodvfy; the SRs parse in dsrdump', async () => {
    const { objects } = await finalObjects(finalSession(), sampleContext());
    expect(objects.map((o) => o.role)).toEqual(['report-sr', 'cad-sr', 'heatmap', 'heatmap', 'heatmap', 'heatmap', 'pdf']);
    for (const object of objects) {
      const bytes = writePart10(object.dataset);
      const verdict = await dciodvfy(bytes);
      expect(verdict.errors, `${object.role}:\n${verdict.output}`).toEqual([]);
      if (object.role.endsWith('sr')) {
        const dump = await dsrdump(bytes);
        expect(dump.errors, `${object.role}:\n${dump.output}`).toEqual([]);
        expect(dump.output).toContain(object.role === 'report-sr' ? 'Breast Imaging Report' : 'Mammography CAD Report');
      }
    }
  });

  it('building the same final report twice gives the same UIDs, so a re-queue cannot store a second copy', async () => {
    const uids = async () => (await finalObjects(finalSession(), sampleContext())).objects.map((o) => `${String(o.dataset['SeriesInstanceUID'])}/${String(o.dataset['SOPInstanceUID'])}`);
    const first = await uids();
    expect(new Set(first).size).toBe(first.length);
    expect(await uids()).toEqual(first);
    const later = (await finalObjects(finalSession({ final: { ...finalSession().final!, signed: { by: 'X', at: '2024-03-16T09:00:00.000Z' } } }), sampleContext())).objects;
    expect(later.map((o) => o.dataset['SOPInstanceUID'])).not.toContain(first[0]!.split('/')[1]);
  });

  it('chest: Comprehensive SR and Chest CAD SR pass both validators', async () => {
    const report = chestReport('ru');
    const base = finalSession();
    const session = { ...base, kind: 'chest' as const, report, firstRead: { report, signed: base.final!.signed }, final: { ...base.final!, report }, ai: { ...base.ai!, breasts: [], findings: [{ finding: 'cardiomegaly' as const, score: 0.9, positive: true }, { finding: 'pneumothorax' as const, score: 0.1, positive: false }] } };
    const { objects } = await finalObjects(session, sampleContext());
    for (const object of objects.filter((o) => o.role.endsWith('sr'))) {
      const bytes = writePart10(object.dataset);
      expect((await dciodvfy(bytes)).errors).toEqual([]);
      const dump = await dsrdump(bytes);
      expect(dump.errors, dump.output).toEqual([]);
    }
  });
});
