import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError, toErrorData } from '../../../shared/ipc/errors';
import { emptyMammoReport } from '../../../shared/report/mammo-report';
import { createRevealPolicy } from './reveal-policy';
import { readingHarness, type Harness } from './testing/reading-harness';
import { mammoAi, mammoReport, STUDY } from './testing/sample-reading';

let h: Harness;
afterEach(async () => h?.dispose());

async function signedRead() {
  h = await readingHarness();
  const opened = await h.reading.open('orthanc', STUDY, 'mammo', 'en');
  const draft = await h.reading.saveDraft(STUDY, opened.revision, mammoReport());
  return h.reading.signFirstRead(STUDY, draft.revision, 'Petrova Anna');
}

/** The error as it reaches the renderer (the dispatcher turns schema failures into INVALID_ARGUMENT). */
async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeDefined();
  return ServiceError.fromData(toErrorData(err));
}

describe('reading session', () => {
  it('keeps the AI sealed until the first read is signed', async () => {
    h = await readingHarness();
    await h.putAiResult(mammoAi());
    const policy = createRevealPolicy(h.reading);
    expect(await policy(STUDY), 'unknown study').toBe(false);
    const opened = await h.reading.open('orthanc', STUDY, 'mammo', 'en');
    const draft = await h.reading.saveDraft(STUDY, opened.revision, mammoReport());
    expect(draft.state).toBe('first-read-draft');
    expect(draft.ai).toBeUndefined();
    expect(await policy(STUDY)).toBe(false);
    const early = await rejection(h.reading.reveal(STUDY));
    expect(early.message).toMatch(/Sign your first read/);
    const signed = await h.reading.signFirstRead(STUDY, draft.revision, 'Petrova Anna');
    expect(signed.state).toBe('first-read-signed');
    expect(signed.ai).toBeUndefined();
    expect(await policy(STUDY)).toBe(true);
  });

  it('keeps a study protected from archive eviction from the first draft until its report is queued, also after a restart', async () => {
    await signedRead();
    expect(h.reading.isReadingInProgress(STUDY)).toBe(true);
    const restarted = h.reopen();
    await restarted.start();
    expect(restarted.isReadingInProgress(STUDY)).toBe(true);
    await restarted.finalize(STUDY, { decision: 'without-ai', reason: 'AI unavailable.' }, 'Petrova Anna');
    expect(restarted.isReadingInProgress(STUDY)).toBe(false);
  });

  it('refuses to sign an incomplete report and says what is missing', async () => {
    h = await readingHarness();
    const opened = await h.reading.open('orthanc', STUDY, 'mammo', 'en');
    const draft = await h.reading.saveDraft(STUDY, opened.revision, { ...emptyMammoReport('en'), composition: 'b' });
    const err = await rejection(h.reading.signFirstRead(STUDY, draft.revision, 'Petrova Anna'));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/right breast.*left breast.*overall.*management/s);
    expect((await h.reading.get(STUDY))?.state).toBe('first-read-draft');
  });

  it('refuses a save from a stale copy instead of overwriting a newer draft', async () => {
    h = await readingHarness();
    const opened = await h.reading.open('orthanc', STUDY, 'mammo', 'en');
    await h.reading.saveDraft(STUDY, opened.revision, mammoReport());
    const err = await rejection(h.reading.saveDraft(STUDY, opened.revision, emptyMammoReport('en')));
    expect(err.message).toMatch(/changed elsewhere/);
    const kept = await h.reading.get(STUDY);
    expect(kept?.report.kind === 'mammo' && kept.report.composition).toBe('c');
  });

  it('reveals, lists the seeded discordance, records feedback, revises with a reason and queues the objects durably', async () => {
    await signedRead();
    await h.putAiResult(mammoAi());
    const revealed = await h.reading.reveal(STUDY);
    expect(revealed.state).toBe('discordances-listed');
    expect(revealed.ai?.pack.name).toBe('Sample mammography model');
    const byId = Object.fromEntries((revealed.comparisons ?? []).map((c) => [c.id, c.outcome]));
    // Reader: right BI-RADS 4B (recall), left BI-RADS 1; AI recalls both.
    expect(byId).toEqual({ 'breast:R': 'concordant', 'breast:L': 'ai-only' });
    await h.reading.recordFeedback(STUDY, { targetId: 'breast:L', verdict: 'false-positive', point: { seriesInstanceUID: '1.2.3', sopInstanceUID: '1.2.3.4', column: 10, row: 20 } });
    const noReason = await rejection(h.reading.finalize(STUDY, { decision: 'revise', reason: '', report: mammoReport() }, 'Petrova Anna'));
    expect(noReason.code).toBe('INVALID_ARGUMENT');
    const revised = { ...mammoReport(), overallAssessment: '0' as const, management: 'recall-additional-imaging' as const };
    const queued = await h.reading.finalize(STUDY, { decision: 'revise', reason: 'Left MLO density worth a spot view.', report: revised }, 'Petrova Anna');
    expect(queued.state).toBe('queued');
    expect(queued.final).toMatchObject({ decision: 'revise', reason: 'Left MLO density worth a spot view.' });
    const items = await h.outbox.list();
    expect(items).toHaveLength(1);
    expect(items[0]!.instances).toHaveLength(7);
    expect(queued.outbox?.itemIds).toEqual([items[0]!.id]);

    const audit = await h.reading.auditLog(STUDY);
    expect(audit.map((a) => a.action)).toEqual(['open', 'save-draft', 'sign-first-read', 'reveal-ai', 'list-discordances', 'record-feedback', 'revise', 'queue']);
    expect(audit.find((a) => a.action === 'revise')).toMatchObject({ who: 'Petrova Anna', from: 'discordances-listed', to: 'final', detail: 'reason: Left MLO density worth a spot view.' });
    expect(audit.find((a) => a.action === 'list-discordances')?.detail).toBe('discordant: breast:L');

    // After a restart the session is where it was, and the outbox reporting the item sent completes it.
    const again = h.reopen();
    expect((await again.get(STUDY))?.state).toBe('queued');
    await again.onOutboxChanged(items.map((i) => ({ ...i, status: 'sent' as const })));
    expect((await again.get(STUDY))?.state).toBe('sent');
    // Each step was announced (the window follows queued → sent without asking).
    expect(h.changes.map((c) => c.state)).toEqual(['unread', 'first-read-draft', 'first-read-signed', 'ai-revealed', 'discordances-listed', 'discordances-listed', 'final', 'queued', 'sent']);
    expect(Object.keys(h.changes.at(-1)!).sort()).toEqual(['revision', 'state', 'studyInstanceUID']);
  });

  it('without an AI result, reveal says so and the reader can finalise with a stated reason', async () => {
    await signedRead();
    const err = await rejection(h.reading.reveal(STUDY));
    expect(err.code).toBe('NOT_FOUND');
    const final = await h.reading.finalize(STUDY, { decision: 'without-ai', reason: 'AI analysis unavailable today.' }, 'Petrova Anna');
    expect(final.state).toBe('queued');
    expect((await h.outbox.list())[0]!.instances).toHaveLength(2);
  });

  it('read-back never hands over an AI read before a first read is signed, here or in the PACS', async () => {
    const cad = [{ sopInstanceUID: '1.2.9', kind: 'mammo' as const, algorithmName: 'x', algorithmVersion: '1', findings: [{ target: 'breast:L', positive: true }] }];
    let reports: Array<{ sopInstanceUID: string; seriesInstanceUID: string; verified: boolean; report: ReturnType<typeof mammoReport> }> = [];
    h = await readingHarness(undefined, async (_s, uid) => ({ studyInstanceUID: uid, reports, cad, unreadable: [] }));
    expect((await h.reading.readBack('orthanc', STUDY)).cad, 'nothing signed anywhere').toEqual([]);
    const opened = await h.reading.open('orthanc', STUDY, 'mammo', 'en');
    await h.reading.saveDraft(STUDY, opened.revision, mammoReport());
    expect((await h.reading.readBack('orthanc', STUDY)).cad, 'own read still a draft').toEqual([]);
    reports = [{ sopInstanceUID: '1.2.8', seriesInstanceUID: '1.2', verified: true, report: mammoReport() }];
    expect((await h.reading.readBack('orthanc', STUDY)).cad, 'signed report in the PACS').toEqual(cad);
  });

  it('the audit log is append-only and survives a torn last line', async () => {
    await signedRead();
    const file = path.join(h.dir, 'reading', 'audit.log');
    await appendFile(file, '{"seq":99,"at":"2024-');
    const fresh = h.reopen();
    await h.putAiResult(mammoAi());
    await fresh.reveal(STUDY);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.filter((l) => l.startsWith('{"seq":99')).length, 'the torn line stays, untouched').toBe(1);
    const entries = await fresh.auditLog(STUDY);
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(entries.at(-1)?.action).toBe('list-discordances');
  });
});
