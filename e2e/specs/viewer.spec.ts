import { expect, test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();
const chestStudies = env.fixtures.studies.filter((s) => s.kind === 'chest' || s.kind === 'other');

test.describe('opening a chest study (and the NEMA MG1 JPEG 2000 film mammogram)', () => {
  for (const study of chestStudies) {
    test(`${study.key} renders an image that is neither blank nor saturated`, async ({ page }) => {
      const app = new TandemPage(page);
      await app.open(env.appUrl);
      await app.openStudy(study.studyInstanceUID);
      await app.waitForViewports(study.instances.length);
      const viewport = app.viewports().first();
      await expect(viewport).toHaveAttribute('data-render-state', 'rendered');
      const stats = await app.viewportStats(viewport, study.key);
      expect(stats.std, 'a blank canvas has no contrast').toBeGreaterThan(20);
      expect(stats.spread, 'the image should use a good part of the grey range').toBeGreaterThan(0.4);
      expect(stats.saturated, 'a washed-out image is mostly white').toBeLessThan(0.15);
      expect(stats.mean).toBeGreaterThan(15);
      expect(stats.mean).toBeLessThan(200);
    });
  }
});

test('a mammography study opens with all four views rendered', async ({ page }) => {
  const study = env.fixtures.studies.find((s) => s.key === 'mammo-current')!;
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await app.openStudy(study.studyInstanceUID);
  await app.waitForViewports(4);
  for (let i = 0; i < 4; i++) {
    await expect(app.viewports().nth(i)).toHaveAttribute('data-render-state', 'rendered');
    const stats = await app.viewportStats(app.viewports().nth(i), `${study.key}-${i + 1}`);
    expect(stats.std).toBeGreaterThan(10);
  }
  await page.getByRole('button', { name: /Worklist/ }).click();
  await expect(app.rows()).toHaveCount(env.fixtures.studies.length);
});
