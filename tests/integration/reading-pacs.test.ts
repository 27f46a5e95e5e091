import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { dciodvfy, dsrdump } from '../../electron/services/reading/testing/dicom-validators';
import { mammoReport } from '../../electron/services/reading/testing/sample-reading';
import type { FixtureStudy } from '../../scripts/fixtures/manifest';
import type { ReadingSession } from '../../shared/report/reading-session';
import { startPacsWithFixtures, tempDataDir, type PacsFixture } from '../support/pacs-fixture';
import { seededMammoAiResult } from '../support/seeded-ai-result';
import { fetchPart10, instancesInPacs } from '../support/pacs-objects';

/**
 * The whole double read against a real Orthanc: retrieve a mammography study, read it blind,
 * sign, reveal a seeded AI result, revise with a reason, and the outbox stores the report SR,
 * the CAD SR, four heatmap SCs and the PDF in Orthanc, each once and each valid. A second
 * workstation (fresh data folder) then reads the report and the AI result back from the PACS.
 */
let pacs: PacsFixture;
let app: ServiceContainer;
let study: FixtureStudy;

beforeAll(async () => {
  pacs = await startPacsWithFixtures();
  study = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
  const dataDir = await tempDataDir();
  app = createServices(nodePlatform(dataDir, 'test'));
  await app.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: pacs.orthanc.dicomwebRoot, wadoUrl: pacs.orthanc.dicomwebRoot, stowUrl: pacs.orthanc.dicomwebRoot, auth: 'none', timeoutMs: 15_000 });
  await mkdir(path.join(dataDir, 'ai-read'), { recursive: true });
  await writeFile(path.join(dataDir, 'ai-read', `${study.studyInstanceUID}.json`), JSON.stringify(seededMammoAiResult(study, { R: true, L: true })));
});

afterAll(async () => {
  await app?.dispose();
  await pacs?.orthanc.stop();
});

function untilSent(uid: string): Promise<ReadingSession> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the report never reached the PACS')), 60_000);
    const check = () =>
      void app.services.reading.get(uid).then((s) => {
        if (s?.state !== 'sent') return;
        clearTimeout(timeout);
        off();
        resolve(s);
      });
    const off = app.events.onDidEmit((name) => name === 'outboxChanged' && setTimeout(check, 50));
    check();
  });
}

describe('double reading to a real PACS', () => {
  it('sends the signed report, CAD SR, heatmaps and PDF once each, all valid, and reads them back elsewhere', async () => {
    const uid = study.studyInstanceUID;
    await app.services.studies.retrieveStudy('orthanc', uid);
    const before = await instancesInPacs(pacs.orthanc.dicomwebRoot, uid);
    const opened = await app.services.reading.open('orthanc', uid, 'mammo', 'en');
    const report = mammoReport('en');
    report.breasts.R.findings[0]!.location.point = { seriesInstanceUID: study.instances[0]!.seriesInstanceUID, sopInstanceUID: study.instances[0]!.sopInstanceUID, column: 300, row: 250 };
    const draft = await app.services.reading.saveDraft(uid, opened.revision, { ...report, breasts: { ...report.breasts, L: { findings: [], assessment: '1' } } });
    expect(await app.revealPolicy(uid)).toBe(false);
    const signed = await app.services.reading.signFirstRead(uid, draft.revision, 'Petrova Anna');
    expect(await app.revealPolicy(uid)).toBe(true);
    expect(signed.ai).toBeUndefined();
    const revealed = await app.services.reading.reveal(signed.studyInstanceUID);
    expect(revealed.comparisons?.find((c) => c.id === 'breast:L')?.outcome, 'the seeded discordance').toBe('ai-only');
    await app.services.reading.recordFeedback(uid, { targetId: 'breast:L', verdict: 'disagree' });
    await app.services.reading.finalize(uid, { decision: 'revise', reason: 'Left breast needs a spot compression view.', report: { ...report, overallAssessment: '0', management: 'recall-additional-imaging' } }, 'Petrova Anna');
    await untilSent(uid);

    const added = (await instancesInPacs(pacs.orthanc.dicomwebRoot, uid)).filter((i) => !before.some((b) => b.sop === i.sop));
    expect(added.map((i) => i.modality).sort()).toEqual(['DOC', 'OT', 'OT', 'OT', 'OT', 'SR', 'SR']);
    for (const object of added) {
      const bytes = await fetchPart10(pacs.orthanc.dicomwebRoot, uid, object);
      const verdict = await dciodvfy(bytes);
      expect(verdict.errors, `${object.modality} ${object.sop}:\n${verdict.output}`).toEqual([]);
      if (object.modality === 'SR') expect((await dsrdump(bytes)).errors).toEqual([]);
    }

    // Asking to send a sent report again is a no-op, not a second copy.
    expect((await app.services.reading.queue(uid)).state).toBe('sent');
    expect((await instancesInPacs(pacs.orthanc.dicomwebRoot, uid)).length).toBe(before.length + 7);

    const elsewhere = createServices(nodePlatform(await tempDataDir(), 'test'));
    try {
      await elsewhere.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: pacs.orthanc.dicomwebRoot, wadoUrl: pacs.orthanc.dicomwebRoot, stowUrl: pacs.orthanc.dicomwebRoot, auth: 'none', timeoutMs: 15_000 });
      const back = await elsewhere.services.reading.readBack('orthanc', uid);
      expect(back.unreadable).toEqual([]);
      expect(back.reports).toHaveLength(1);
      expect(back.reports[0]).toMatchObject({ verified: true, observer: 'Petrova Anna', revisionReason: 'Left breast needs a spot compression view.' });
      expect(back.reports[0]!.report).toMatchObject({ kind: 'mammo', overallAssessment: '0', management: 'recall-additional-imaging', composition: 'c' });
      expect(back.cad).toHaveLength(1);
      expect(back.cad[0]).toMatchObject({ kind: 'mammo', algorithmName: 'Seeded test result', algorithmVersion: 'seeded-test-pack 0.0.1' });
      expect(back.cad[0]!.findings).toEqual([
        { target: 'breast:R', positive: true, certaintyPercent: 81, feedback: undefined },
        { target: 'breast:L', positive: true, certaintyPercent: 81, feedback: 'disagree' },
      ]);
    } finally {
      await elsewhere.dispose();
    }
  });
});
