import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();

test('importing a folder fills the local archive and the summary says what happened', async ({ page }) => {
  const study = env.fixtures.studies.find((s) => s.key === 'mammo-prior')!;
  const folder = path.dirname(study.instances[0]!.path);
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('complementary', { name: 'Import from disc, USB or folder' });
  await panel.getByLabel(/Path of a folder/).fill(folder);
  await panel.getByRole('button', { name: 'Import' }).click();
  const summary = panel.getByTestId('import-summary');
  await expect(summary).toContainText(/\d+ imported, \d+ already in the archive, 0 skipped/);
  const [imported, duplicates] = ((await summary.textContent()) ?? '').match(/\d+/g)!.map(Number);
  expect(imported! + duplicates!).toBe(study.instances.length);
  await panel.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Source').selectOption('local');
  await expect(app.row(study.studyInstanceUID)).toBeVisible();
  await expect(app.row(study.studyInstanceUID).locator('[data-col="local-status"]')).toHaveText('Cached');
  await page.getByLabel('Source').selectOption('orthanc');
});

test('the worklist shows a study as cached once it has been opened', async ({ page }) => {
  const study = env.fixtures.studies.find((s) => s.kind === 'chest')!;
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await app.openStudy(study.studyInstanceUID);
  await app.waitForViewports(study.instances.length);
  await page.getByRole('button', { name: /Worklist/ }).click();
  await expect(app.row(study.studyInstanceUID).locator('[data-col="local-status"]')).toHaveText('Cached');
});
