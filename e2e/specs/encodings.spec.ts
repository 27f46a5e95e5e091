import { expect, test, type Page } from '@playwright/test';
import { type EncodingFixture, type EncodingSet, makeEncodingFixtures } from '../../scripts/fixtures/encodings';
import { readEnvironment } from '../support/environment';
import { callApi } from '../support/ipc-call';
import { type Grey, greyFromPng, shrinkByArea } from '../support/image-metrics';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();
const fixturesDir = env.fixtures.stamp?.outDir;

/** Mean absolute grey difference of two viewport screenshots, both shrunk to the same grid. */
function difference(a: Grey, b: Grey): number {
  // Cells of a grid differ by a pixel, so the same image lands up to a pixel apart: compare coarse.
  const size = { width: 48, height: 48 };
  const sa = shrinkByArea(a, size.width, size.height);
  const sb = shrinkByArea(b, size.width, size.height);
  let sum = 0;
  for (let i = 0; i < sa.data.length; i++) sum += Math.abs(sa.data[i]! - sb.data[i]!);
  return sum / sa.data.length;
}

async function importEncodings(page: Page, folder: string): Promise<void> {
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('complementary', { name: 'Import from disc, USB or folder' });
  await panel.getByLabel(/Path of a folder/).fill(folder);
  await panel.getByRole('button', { name: 'Import' }).click();
  await expect(panel.getByTestId('import-summary')).toContainText(/imported/);
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Source').selectOption('local');
}

test.describe('every common transfer syntax renders, and lossless ones exactly like the uncompressed file', () => {
  test.skip(!fixturesDir, 'the fixture manifest does not say where the fixtures live');
  let set: EncodingSet;
  test.beforeAll(async () => {
    set = await makeEncodingFixtures(env.fixtures, fixturesDir!);
  });
  // The worklist source is a saved setting: give the next specs back the PACS they expect.
  test.afterEach(async () => {
    await callApi(env, 'settings.update', [{ activeSourceId: 'orthanc' }]);
  });

  for (const family of ['encodings-16', 'encodings-8'] as const) {
    test(`${family}: each image decodes; lossless equals its reference; lossy resembles it and is flagged`, async ({ page }) => {
      const study = set.studies.find((s) => s.key === family)!;
      const files = set.files.filter((f) => f.studyInstanceUID === study.studyInstanceUID);
      const app = new TandemPage(page);
      await app.open(env.appUrl);
      await importEncodings(page, `${fixturesDir}/encodings`);
      await app.openStudy(study.studyInstanceUID);
      await app.waitForViewports(files.length);

      const shots = new Map<string, Grey>();
      const digests = new Map<string, string>();
      for (const file of files) {
        const cell = page.locator(`.hung-image[data-sop-instance-uid="${file.sopInstanceUID}"]`);
        const viewport = cell.locator('.image-viewport');
        if (file.corrupt) {
          await expect(viewport, `${file.label} must fail visibly`).toHaveAttribute('data-render-state', 'error');
          await expect(viewport.getByRole('alert')).toContainText(/could not|cannot|decode|corrupt|invalid/i);
          continue;
        }
        await expect(viewport, `${file.label} (${file.transferSyntaxUID})`).toHaveAttribute('data-render-state', 'rendered');
        const stats = await app.viewportStats(viewport, `encoding-${file.name}`);
        expect(stats.std, `${file.label}: a blank canvas has no contrast`).toBeGreaterThan(8);
        expect(stats.saturated, `${file.label}: mostly white means a wrong VOI`).toBeLessThan(0.5);
        shots.set(file.name, greyFromPng(await viewport.screenshot()));
        await viewport.dispatchEvent('tandem:digest');
        const digest = (await viewport.getAttribute('data-pixels')) ?? '';
        expect(digest, `${file.label}: the viewport reports its decoded values`).toMatch(/^-?\d+,-?\d+,[0-9a-f]+$/);
        digests.set(file.name, digest);
        if (isLossyFixture(file)) await expect(viewport, `${file.label} must carry the lossy warning`).toContainText(/lossy/i);
      }
      for (const file of files) {
        const reference = file.identicalTo ?? file.resembles;
        if (!reference) continue;
        if (file.identicalTo && !file.name.startsWith('mono1')) {
          expect(digests.get(file.name), `${file.label} must decode to exactly the stored values of ${reference}`).toBe(digests.get(reference));
        }
        // MONOCHROME1 stores inverted values, so only the displayed image can be compared.
        const diff = difference(shots.get(file.name)!, shots.get(reference)!);
        expect(diff, `${file.label} against ${reference}: mean grey difference on screen`).toBeLessThan(file.identicalTo ? 3 : 6);
      }
    });
  }
});

function isLossyFixture(file: EncodingFixture): boolean {
  return Boolean(file.resembles);
}
