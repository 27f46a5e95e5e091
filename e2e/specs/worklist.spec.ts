import { expect, test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();

function formatDate(da: string): string {
  return /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da;
}

test('the worklist lists every fixture study from the PACS with patient, date, modality and description', async ({ page }) => {
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await expect(page.getByLabel('Source')).toHaveValue('orthanc');
  await expect(app.rows()).toHaveCount(env.fixtures.studies.length);
  for (const study of env.fixtures.studies) {
    const row = app.row(study.studyInstanceUID);
    await expect(row.locator('[data-col="patient-id"]')).toHaveText(study.patientID);
    await expect(row.locator('[data-col="date"]')).toHaveText(formatDate(study.studyDate));
    await expect(row.locator('[data-col="modality"]')).toContainText(study.modality);
    await expect(row.locator('[data-col="description"]')).toHaveText(study.studyDescription);
  }
});

test('filtering by modality asks the PACS and shows only mammography', async ({ page }) => {
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await expect(app.rows()).toHaveCount(env.fixtures.studies.length);
  await page.getByLabel('Modality').selectOption('MG');
  await page.getByRole('button', { name: 'Search' }).click();
  const mammo = env.fixtures.studies.filter((s) => s.modality === 'MG');
  await expect(app.rows()).toHaveCount(mammo.length);
  for (const study of mammo) await expect(app.row(study.studyInstanceUID)).toBeVisible();
});

test('without a PACS the local archive is the source, and says how to fill it', async ({ page }) => {
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await page.getByLabel('Source').selectOption('local');
  await expect(page.getByLabel('Source')).toHaveValue('local');
  // Studies opened by other tests may already be archived; either way the page is usable.
  await expect(app.rows().first().or(page.getByTestId('worklist-empty'))).toBeVisible();
  await page.getByLabel('Source').selectOption('orthanc');
  await expect(app.rows()).toHaveCount(env.fixtures.studies.length);
});
