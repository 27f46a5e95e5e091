import { expect, test, type Locator } from '@playwright/test';
import { PNG } from 'pngjs';
import { readEnvironment } from '../support/environment';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();

interface TissueProfile {
  /** Share of the breast's brightness in the left half of the viewport (0..1). */
  leftShare: number;
  /** Share of rows where tissue touches the left / right edge of the viewport. */
  touchesLeft: number;
  touchesRight: number;
}

/**
 * Where the breast sits in a viewport screenshot. A breast hung correctly touches the viewport
 * edge on its chest-wall side along most of its height, and its mass lies on that side.
 */
async function tissueProfile(viewport: Locator): Promise<TissueProfile> {
  const { data, width, height } = PNG.sync.read(await viewport.screenshot());
  const lum = (x: number, y: number) => {
    const o = (y * width + x) * 4;
    return (data[o]! + data[o + 1]! + data[o + 2]!) / 3;
  };
  let left = 0;
  let right = 0;
  let rows = 0;
  let touchesLeft = 0;
  let touchesRight = 0;
  // Skip the label band at the top; burned-in text sits there too.
  for (let y = Math.floor(height * 0.15); y < Math.floor(height * 0.95); y++) {
    rows += 1;
    for (let x = 0; x < width; x++) {
      if (x < width / 2) left += lum(x, y);
      else right += lum(x, y);
    }
    if (lum(1, y) > 20 || lum(2, y) > 20) touchesLeft += 1;
    if (lum(width - 2, y) > 20 || lum(width - 3, y) > 20) touchesRight += 1;
  }
  return { leftShare: left / Math.max(1, left + right), touchesLeft: touchesLeft / rows, touchesRight: touchesRight / rows };
}

for (const key of ['mammo-current', 'mammo-prior']) {
  test(`${key}: the 4-up hangs RCC | LCC above RMLO | LMLO with the chest walls facing each other`, async ({ page }) => {
    const study = env.fixtures.studies.find((s) => s.key === key)!;
    const app = new TandemPage(page);
    await app.open(env.appUrl);
    await app.openStudy(study.studyInstanceUID);
    const grid = page.getByTestId('stage-grid');
    await expect(grid).toHaveAttribute('data-protocol', /mammo/);
    await app.waitForViewports(4);
    const slots = grid.locator('.hung-image');
    const expectedLabels = [/R\s?CC/, /L\s?CC/, /R\s?MLO/, /L\s?MLO/];
    for (let i = 0; i < 4; i++) {
      const slot = slots.nth(i);
      await expect(slot.locator('.image-viewport')).toHaveAttribute('data-render-state', 'rendered');
      const side = await slot.getAttribute('data-chest-wall');
      await expect(slot.locator('.image-viewport'), `slot ${i + 1} label`).toContainText(expectedLabels[i]!);
      const profile = await tissueProfile(slot.locator('.image-viewport'));
      await app.viewportStats(slot.locator('.image-viewport'), `hanging-${key}-${i + 1}`);
      // The breast lies against its chest-wall edge and its mass is on that side.
      if (side === 'left') {
        expect(profile.leftShare, `slot ${i + 1}: mass on the left`).toBeGreaterThan(0.6);
        expect(profile.touchesLeft, `slot ${i + 1}: tissue touches the left edge`).toBeGreaterThan(0.5);
        expect(profile.touchesRight, `slot ${i + 1}: nothing touches the right edge`).toBeLessThan(0.2);
      } else {
        expect(profile.leftShare, `slot ${i + 1}: mass on the right`).toBeLessThan(0.4);
        expect(profile.touchesRight, `slot ${i + 1}: tissue touches the right edge`).toBeGreaterThan(0.5);
        expect(profile.touchesLeft, `slot ${i + 1}: nothing touches the left edge`).toBeLessThan(0.2);
      }
    }
    await expect(slots.nth(0)).toHaveAttribute('data-chest-wall', 'right');
    await expect(slots.nth(1)).toHaveAttribute('data-chest-wall', 'left');
    // One physical scale for all four (every fixture image has 0.1 mm pixels): a breast that is
    // smaller on the detector must look smaller, not be blown up to fill its viewport.
    const scales: number[] = [];
    for (let i = 0; i < 4; i++) scales.push(Number(await slots.nth(i).locator('.image-viewport').getAttribute('data-css-per-image-pixel')));
    for (const scale of scales) expect(scale / scales[0]!, `screen pixels per mm: ${scales.join(', ')}`).toBeCloseTo(1, 2);
  });
}

test('Page Down steps from the 4-up to the current-against-prior comparison', async ({ page }) => {
  const study = env.fixtures.studies.find((s) => s.key === 'mammo-current')!;
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await app.openStudy(study.studyInstanceUID);
  const grid = page.getByTestId('stage-grid');
  await app.waitForViewports(4);
  const first = await grid.getAttribute('data-stage');
  // The prior arrives in the background; the comparison stage appears once it has.
  await expect(page.getByTestId('stage')).not.toHaveCount(1);
  await page.keyboard.press('PageDown');
  await expect(grid).not.toHaveAttribute('data-stage', first!);
  await expect(grid.locator('[data-study-role="prior"]')).toHaveCount(2);
  await app.waitForViewports(4);
  await page.keyboard.press('PageUp');
  await expect(grid).toHaveAttribute('data-stage', first!);
});

test('a protocol of the user’s own is refused while it breaks the schema, then used for the next study', async ({ page }) => {
  const study = env.fixtures.studies.find((s) => s.key === 'mammo-current')!;
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Hanging protocols' });
  await section.locator('[data-protocol-id="mammo-screening"]').getByRole('button', { name: 'Copy to edit' }).click();
  const editor = section.getByLabel('Protocol (JSON)');
  const copy = JSON.parse(await editor.inputValue()) as { id: string; stages: { name: string; maxCells?: number }[] };
  copy.stages[0]!.name = 'My screening 4-up';

  await editor.fill(JSON.stringify({ ...copy, stages: [{ kind: 'grid', name: 'broken', maxCells: 0 }] }));
  await section.getByRole('button', { name: 'Save protocol' }).click();
  await expect(section.getByRole('alert')).toContainText(`${copy.id} is invalid`);

  await editor.fill(JSON.stringify(copy));
  await section.getByRole('button', { name: 'Save protocol' }).click();
  await expect(section.locator(`[data-protocol-id="${copy.id}"]`)).toContainText('yours');
  await page.getByRole('button', { name: 'Close' }).first().click();

  await app.openStudy(study.studyInstanceUID);
  const grid = page.getByTestId('stage-grid');
  await expect(grid).toHaveAttribute('data-protocol', copy.id);
  await expect(grid).toHaveAttribute('data-stage', 'My screening 4-up');
  await app.waitForViewports(4);

  await page.getByRole('button', { name: /Worklist/ }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await section.locator(`[data-protocol-id="${copy.id}"]`).getByRole('button', { name: 'Remove' }).click();
  await expect(section.locator(`[data-protocol-id="${copy.id}"]`)).toHaveCount(0);
});
