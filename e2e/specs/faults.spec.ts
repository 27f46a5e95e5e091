import { expect, test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();

test('a PACS that cannot be reached gives an actionable message, and the archive still works', async ({ page }) => {
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('complementary', { name: 'PACS servers' });
  const form = panel.getByRole('form', { name: 'PACS profile' });
  if (!(await form.isVisible())) await panel.getByRole('button', { name: 'Add PACS' }).click();
  await form.getByLabel('Name').fill('Down PACS');
  await form.getByLabel('DICOMweb base URL').fill('http://127.0.0.1:9/dicom-web');
  await form.getByRole('button', { name: 'Save' }).click();
  const profile = panel.getByTestId('pacs-profile').filter({ hasText: 'Down PACS' });
  await expect(profile.getByTestId('pacs-diagnosis')).toContainText('refused');
  await panel.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Source').selectOption('down-pacs');
  await expect(page.getByRole('alert')).toContainText(/Cannot reach 127\.0\.0\.1:9.*refused/);
  await expect(page.getByRole('alert')).toHaveAttribute('data-error-code', 'PACS_UNREACHABLE');

  await page.getByLabel('Source').selectOption('orthanc');
  await expect(app.rows()).toHaveCount(env.fixtures.studies.length);
});

test('the API refuses a page that lacks the launch token', async ({ page }) => {
  await page.goto(env.origin);
  await expect(page.getByRole('alert')).toContainText('launch token');
});
