import { mkdirSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dciodvfy, dsrdump } from '../../electron/services/reading/testing/dicom-validators';
import { fetchPart10, instancesInPacs } from '../../tests/support/pacs-objects';
import { seededMammoAiResult } from '../../tests/support/seeded-ai-result';
import { readEnvironment } from '../support/environment';
import { callApi } from '../support/ipc-call';
import { startOwnApp } from '../support/own-app';
import { cloneStudyIntoPacs } from '../support/reading-study';
import { reportElsewhere } from '../support/reported-elsewhere';
import { SCREENSHOT_DIR, TandemPage } from '../support/tandem-page';

const env = readEnvironment();
const source = env.fixtures.studies.find((s) => s.key === 'mammo-current')!;
/** A chest study stored uncompressed, so the spec can copy it under new UIDs with dcmjs (shared or synthetic set). */
const UNCOMPRESSED = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];
const chest = env.fixtures.studies.find((s) => s.kind === 'chest' && s.instances.length === 1 && s.instances.every((i) => UNCOMPRESSED.includes(i.transferSyntaxUID)))!;

/** Text that only an AI result carries: the seeded pack's name and id, heatmaps, the operating point. */
const AI_MARKERS = ['Seeded test result', 'seeded-test-pack', '"heatmap"', '"operatingPoint"'];

/** Records everything the renderer receives from the services: IPC answers and pushed events. */
function watchTraffic(page: Page): { seen: string[]; settled(): Promise<void> } {
  const seen: string[] = [];
  const reading = new Set<Promise<void>>();
  page.on('response', (response) => {
    if (!response.url().includes('/ipc/') || (response.headers()['content-type'] ?? '').startsWith('application/octet-stream')) return;
    const body = response.text().then(
      (text) => void seen.push(`${new URL(response.url()).pathname} ${text}`),
      () => undefined,
    );
    reading.add(body);
    void body.then(() => reading.delete(body));
  });
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => seen.push(`ws ${String(frame.payload)}`)));
  // Bodies are read asynchronously: wait for every one received so far before judging.
  return { seen, settled: async () => void (await Promise.all([...reading])) };
}

async function aiLeaks(traffic: ReturnType<typeof watchTraffic>): Promise<string[]> {
  await traffic.settled();
  return traffic.seen.filter((s) => AI_MARKERS.some((m) => s.includes(m)));
}

async function readBlind(page: Page, app: TandemPage, study: typeof source, language: 'en' | 'ru') {
  await app.open(env.appUrl);
  await app.openStudy(study.studyInstanceUID);
  await app.waitForViewports(4);
  const panel = page.getByTestId('report-panel');
  await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'unread');
  await panel.getByTestId('report-language').selectOption(language);
  await panel.getByTestId('composition').selectOption('c');
  // A spiculated mass in the right breast, placed by clicking the right CC image.
  await panel.getByTestId('new-finding-type-R').selectOption('mass');
  await panel.getByTestId('add-finding-R').click();
  const finding = panel.getByTestId('finding').first();
  await finding.getByTestId('mass-shape').selectOption('irregular');
  await finding.getByTestId('mass-margin').selectOption('spiculated');
  await finding.getByTestId('clock').selectOption('10');
  await finding.getByTestId('distance').fill('4');
  await finding.getByTestId('place-on-image').click();
  // The right CC hangs with its chest wall on the right edge of its cell, so aim near that edge.
  const rcc = page.locator('[data-slot]').first().locator('.image-viewport');
  const box = (await rcc.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.45);
  await expect(finding.getByTestId('placed'), 'a click beside the image places nothing').toHaveCount(0);
  // On a loaded machine the viewport may still be settling its scale group when the first click
  // lands; a click on the image places the finding (and ends placing, so a repeat does nothing).
  await expect(async () => {
    await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.45);
    await expect(finding.getByTestId('placed')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('placed-mark')).toHaveCount(1);
  await panel.getByTestId('assessment-R').selectOption('4B');
  await panel.getByTestId('assessment-L').selectOption('1');
  await expect(panel.getByTestId('overall')).toHaveValue('4B');
  await expect(panel.getByTestId('management')).toHaveValue('tissue-diagnosis');
  await panel.getByTestId('reader-name').fill(language === 'ru' ? 'Петрова Анна' : 'Anna Petrova');
  await expect(panel.getByText(language === 'ru' ? 'Черновик сохранён' : 'Draft saved')).toBeVisible();
}

test.describe('double reading, blinded first', () => {
  test('reads a mammogram blind, signs, reveals a seeded discordance, revises with a reason, and the SR objects reach Orthanc valid', async ({ page }) => {
    const { study, remove } = await cloneStudyIntoPacs(source, env.orthancDicomweb, 'en', 'E2E^READING^EN');
    try {
      // The AI (seeded) recalls the left breast, which the reader will call BI-RADS 1.
      await mkdir(path.join(env.dataDir, 'ai-read'), { recursive: true });
      await writeFile(path.join(env.dataDir, 'ai-read', `${study.studyInstanceUID}.json`), JSON.stringify(seededMammoAiResult(study, { R: true, L: true })));
      const traffic = watchTraffic(page);
      const app = new TandemPage(page);
      await readBlind(page, app, study, 'en');
      const panel = page.getByTestId('report-panel');

      // Before signing: no AI panel, no heatmap in the DOM, and nothing of the AI result was sent to the renderer.
      // Neither the report's AI section nor the AI reader's own controls, panel and heatmaps exist yet.
      await expect(page.getByTestId('report-ai-panel')).toHaveCount(0);
      await expect(page.getByTestId('discordance-heatmap')).toHaveCount(0);
      await expect(page.locator('[data-testid^="ai-"]')).toHaveCount(0);
      expect(traffic.seen.length, 'the watcher sees the IPC traffic').toBeGreaterThan(5);
      expect(await aiLeaks(traffic)).toEqual([]);

      // Sign with the keyboard, then reveal with the keyboard.
      await panel.getByTestId('reader-name').press('Control+Enter');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'first-read-signed');
      expect(await aiLeaks(traffic), 'still nothing after signing, until the reader asks').toEqual([]);
      await panel.getByTestId('reveal-ai').press('Control+Shift+A');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'discordances-listed');
      expect((await aiLeaks(traffic)).length, 'the reveal did deliver the AI result (the watcher would see a leak)').toBeGreaterThan(0);
      await expect(page.getByTestId('report-ai-panel')).toBeVisible();
      await expect(page.getByTestId('report-not-for-clinical-use')).toBeVisible();
      await expect(page.getByTestId('ai-toolbar'), 'the AI reader controls appear once revealed').toBeVisible();
      const left = panel.locator('[data-comparison="breast:L"]');
      await expect(left).toHaveAttribute('data-outcome', 'ai-only');
      await expect(panel.locator('[data-comparison="breast:R"]')).toHaveAttribute('data-outcome', 'concordant');
      await expect(left.getByTestId('discordance-heatmap')).toHaveCount(2);

      // Feedback by keyboard: 2 = disagree on the focused discordance.
      await left.focus();
      await page.keyboard.press('2');
      await expect(left.getByTestId('feedback-disagree')).toHaveAttribute('aria-pressed', 'true');
      // 3 = false positive: the reader then clicks where on the left CC the AI was wrong.
      await left.focus();
      await page.keyboard.press('3');
      const lcc = page.locator('[data-slot]').nth(1).locator('.image-viewport');
      const lccBox = (await lcc.boundingBox())!;
      await page.mouse.click(lccBox.x + lccBox.width * 0.15, lccBox.y + lccBox.height * 0.5);
      await expect(left.getByTestId('feedback-false-positive')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('placed-mark')).toHaveCount(2);

      // Revise with a reason.
      await panel.getByTestId('revise').click();
      await panel.getByTestId('overall').selectOption('0');
      await expect(panel.getByTestId('management')).toHaveValue('recall-additional-imaging');
      await expect(panel.getByTestId('sign-revised')).toBeDisabled();
      await panel.getByTestId('revise-reason').fill('Left breast: spot compression view to exclude the AI-marked density.');
      await panel.getByTestId('sign-revised').click();
      await expect(panel.getByTestId('final-reason')).toContainText('spot compression');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });

      const added = (await instancesInPacs(env.orthancDicomweb, study.studyInstanceUID)).filter((i) => !study.instances.some((s) => s.sopInstanceUID === i.sop));
      expect(added.map((i) => i.modality).sort()).toEqual(['DOC', 'OT', 'OT', 'OT', 'OT', 'SR', 'SR']);
      const dumps: string[] = [];
      for (const instance of added) {
        const bytes = await fetchPart10(env.orthancDicomweb, study.studyInstanceUID, instance);
        const verdict = await dciodvfy(bytes);
        expect(verdict.errors, verdict.output).toEqual([]);
        if (instance.modality === 'SR') dumps.push((await dsrdump(bytes)).output);
      }
      // The reader's report, and the AI's read with the verdict and the false-positive mark on it.
      expect(dumps.find((d) => d.includes('Breast Imaging Report'))).toContain('spot compression');
      const cad = dumps.find((d) => d.includes('Mammography CAD Report'));
      expect(cad).toContain('False-positive mark');
      expect(cad).toMatch(/Reader feedback on AI finding"\)=\(false-positive[^\n]*\n\s*<has properties SCOORD/);
    } finally {
      await remove();
    }
  });

  test('the same read in Russian, with a screenshot of the report', async ({ page }) => {
    const { study, remove } = await cloneStudyIntoPacs(source, env.orthancDicomweb, 'ru', 'E2E^READING^RU');
    const app = new TandemPage(page);
    try {
      await mkdir(path.join(env.dataDir, 'ai-read'), { recursive: true });
      await writeFile(path.join(env.dataDir, 'ai-read', `${study.studyInstanceUID}.json`), JSON.stringify(seededMammoAiResult(study, { R: true, L: true })));
      await callApi(env, 'settings.update', [{ language: 'ru' }]);
      const traffic = watchTraffic(page);
      await readBlind(page, app, study, 'ru');
      const panel = page.getByTestId('report-panel');
      await expect(panel).toHaveAttribute('lang', 'ru');
      await expect(panel.getByText('Правая молочная железа').first()).toBeVisible();
      await expect(page.getByTestId('report-ai-panel')).toHaveCount(0);
      await expect(page.locator('[data-testid^="ai-"]')).toHaveCount(0);
      expect(await aiLeaks(traffic)).toEqual([]);
      await panel.getByTestId('sign-first-read').click();
      await panel.getByTestId('reveal-ai').click();
      await expect(panel.getByTestId('reading-state')).toHaveText('Расхождения показаны');
      await expect(panel.locator('[data-comparison="breast:L"]')).toHaveAttribute('data-outcome', 'ai-only');
      await panel.locator('[data-comparison="breast:L"]').scrollIntoViewIfNeeded();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reading-ru.png') });
      await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'reading-ru-report.png') });
      await panel.getByTestId('confirm-first-read').click();
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
      const srs = (await instancesInPacs(env.orthancDicomweb, study.studyInstanceUID)).filter((i) => i.modality === 'SR');
      expect(srs).toHaveLength(2);
      for (const sr of srs) expect((await dciodvfy(await fetchPart10(env.orthancDicomweb, study.studyInstanceUID, sr))).errors).toEqual([]);
    } finally {
      await remove();
      await callApi(env, 'settings.update', [{ language: 'en' }]);
    }
  });

  test('a chest X-ray read with the keyboard, the app’s own chest pack revealed after signing, confirmed and sent', async ({ page }) => {
    const { study, remove } = await cloneStudyIntoPacs(chest, env.orthancDicomweb, 'chest', 'E2E^READING^CHEST');
    const app = new TandemPage(page);
    try {
      await app.open(env.appUrl);
      await app.openStudy(study.studyInstanceUID);
      await app.waitForViewports(1);
      const panel = page.getByTestId('report-panel');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'unread');
      // Checklist by keyboard: focus a row's radio, P / U set it; then the rest absent in one go.
      await panel.getByTestId('chest-cardiomegaly').getByRole('radio').first().focus();
      await page.keyboard.press('p');
      await expect(panel.getByTestId('chest-cardiomegaly')).toHaveAttribute('data-state', 'present');
      await panel.getByTestId('chest-pleural-effusion').getByRole('radio').first().focus();
      await page.keyboard.press('u');
      await expect(panel.getByTestId('chest-pleural-effusion')).toHaveAttribute('data-state', 'uncertain');
      await panel.getByTestId('rest-absent').click();
      await expect(panel.getByTestId('chest-pneumothorax')).toHaveAttribute('data-state', 'absent');
      await panel.getByTestId('impression').fill('Cardiomegaly. Possible small left effusion.');
      await panel.getByTestId('reader-name').fill('Anna Petrova');
      await panel.getByTestId('reader-name').press('Control+Enter');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'first-read-signed');
      // The app's own chest pack read the study in the background, sealed until now.
      await panel.getByTestId('reveal-ai').click();
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', /ai-revealed|discordances-listed/, { timeout: 120_000 });
      await expect(page.getByTestId('report-ai-panel')).toBeVisible();
      await expect(page.getByTestId('report-not-for-clinical-use')).toBeVisible();
      // Confirm the first read with the keyboard (Ctrl+Enter from the focused step); everything goes to the PACS.
      await panel.getByTestId('confirm-first-read').press('Control+Enter');
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });
      const added = (await instancesInPacs(env.orthancDicomweb, study.studyInstanceUID)).filter((i) => !study.instances.some((s) => s.sopInstanceUID === i.sop));
      const modalities = added.map((i) => i.modality);
      expect(modalities.filter((m) => m === 'SR'), 'the report and the chest CAD SR').toHaveLength(2);
      expect(modalities).toContain('DOC');
      for (const instance of added) expect((await dciodvfy(await fetchPart10(env.orthancDicomweb, study.studyInstanceUID, instance))).errors).toEqual([]);
    } finally {
      await remove();
    }
  });

  test('a study reported at another workstation shows its signed report and AI read, read back from the PACS', async ({ page }) => {
    const { study, remove } = await cloneStudyIntoPacs(source, env.orthancDicomweb, 'elsewhere', 'E2E^READING^ELSEWHERE');
    const app = new TandemPage(page);
    try {
      await reportElsewhere(study, env.orthancDicomweb);
      await app.open(env.appUrl);
      await app.openStudy(study.studyInstanceUID);
      const back = page.getByTestId('read-back');
      await expect(back.getByTestId('read-back-report')).toContainText('Sidorov Ivan');
      await expect(back.getByTestId('read-back-report')).toContainText('BI-RADS 2: benign');
      await expect(back.getByTestId('read-back-report')).toContainText('Read at the other workstation.');
      await expect(back.getByTestId('read-back-cad')).toContainText('Seeded test result');
      await expect(back.getByTestId('read-back-cad')).toContainText('Left breast: positive');
      await expect(back.getByTestId('read-back-cad')).toContainText('Your verdict: Disagree');
      await expect(page.getByTestId('reading-workflow')).toHaveCount(0);
    } finally {
      await remove();
    }
  });

  test('killing the app while the draft is being written keeps the draft', async ({ page }) => {
    const { study, remove } = await cloneStudyIntoPacs(source, env.orthancDicomweb, 'kill', 'E2E^READING^KILL');
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-kill-'));
    let app = await startOwnApp(dataDir, env.orthancDicomweb);
    try {
      const tandem = new TandemPage(page);
      await tandem.open(app.appUrl);
      await tandem.openStudy(study.studyInstanceUID);
      const panel = page.getByTestId('report-panel');
      await panel.getByTestId('composition').selectOption('d');
      await panel.getByTestId('assessment-L').selectOption('3');
      // Both choices are durable before the typing starts (the status line already said "saved" after the first).
      await expect
        .poll(async () => ((await app.call('reading.get', [study.studyInstanceUID])) as { report: { breasts: { L: { assessment?: string } } } }).report.breasts.L.assessment)
        .toBe('3');
      // Keep typing so autosaves are in flight, and kill the app in the middle of them.
      const comment = panel.getByTestId('comment');
      // Typing without a pause still saves: at the latest 2 s after the first unsaved keystroke.
      const typing = comment.pressSequentially('Dense breasts; ultrasound advised. ', { delay: 120 });
      await expect
        .poll(async () => ((await app.call('reading.get', [study.studyInstanceUID])) as { report: { comment: string } }).report.comment.length, { timeout: 3500 })
        .toBeGreaterThan(0);
      await typing;
      await comment.pressSequentially('More text while saving. ', { delay: 5 });
      app.process.kill('SIGKILL');
      await new Promise<void>((resolve) => app.process.once('exit', () => resolve()));

      app = await startOwnApp(dataDir);
      const saved = (await app.call('reading.get', [study.studyInstanceUID])) as { state: string; report: { composition?: string; comment: string; breasts: { L: { assessment?: string } } } };
      expect(saved.state).toBe('first-read-draft');
      expect(saved.report.composition, 'what was saved before the kill survives').toBe('d');
      expect(saved.report.breasts.L.assessment).toBe('3');
      expect('Dense breasts; ultrasound advised. More text while saving. ').toContain(saved.report.comment);

      // The reader picks up where the app stopped (the PACS profile and source were kept too).
      await tandem.open(app.appUrl);
      await tandem.openStudy(study.studyInstanceUID);
      await expect(panel.getByTestId('reading-state')).toHaveAttribute('data-state', 'first-read-draft');
      await expect(panel.getByTestId('composition')).toHaveValue('d');
    } finally {
      app.process.kill('SIGTERM');
      await remove();
    }
  });
});
