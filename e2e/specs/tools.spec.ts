import { expect, test, type Locator, type Page } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { boxBlur, correlation, crop, greyFromPng, histogram, histogramDistance, mean, meanAbsLaplacian, resizeBilinear, shrinkByArea, type Grey } from '../support/image-metrics';
import { TandemPage } from '../support/tandem-page';

/**
 * The reading tools on real studies: window/level and invert change what is on the canvas, the
 * magnifier shows more detail than the zoomed-out canvas, measurements come in mm (or say
 * uncalibrated), display scales and overlays. Every wait is on a render signal: the viewport's
 * data-* readout is written after the frame that shows the change.
 */
const env = readEnvironment();
const study = (key: string) => env.fixtures.studies.find((s) => s.key === key)!;
const chests = env.fixtures.studies.filter((s) => s.kind === 'chest');
/** The largest chest matrix (NEMA RG1 CR, ~1.9k²) is the most reduced at fit. */
const chest = study('chest-cr-mono1') ?? chests[0]!;
/** A chest without any pixel spacing (NIH DX exports). */
const uncalibratedChest = chests.find((s) => s.key.startsWith('chest-nih'));

async function openFirstViewport(page: Page, studyInstanceUID: string): Promise<Locator> {
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await app.openStudy(studyInstanceUID);
  const viewport = app.viewports().first();
  await expect(viewport).toHaveAttribute('data-render-state', 'rendered');
  await expect(viewport).toHaveAttribute('data-frame', /\d+/);
  return viewport;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

/** The middle half of a viewport, away from the overlay corners. */
async function middle(page: Page, viewport: Locator): Promise<Grey> {
  const b = await box(viewport);
  const clip = { x: b.x + b.width / 4, y: b.y + b.height / 4, width: b.width / 2, height: b.height / 2 };
  return greyFromPng(await page.screenshot({ clip }));
}

/** Waits for the viewport to draw a frame after `action` changed attribute `name`. */
async function changes(viewport: Locator, name: string, action: () => Promise<void>): Promise<string> {
  const before = (await viewport.getAttribute(name)) ?? '';
  await action();
  await expect(viewport).not.toHaveAttribute(name, before);
  return (await viewport.getAttribute(name)) ?? '';
}

test('window/level by left drag changes the histogram; I inverts it', async ({ page }) => {
  const viewport = await openFirstViewport(page, chest.studyInstanceUID);
  const b = await box(viewport);
  const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  const original = await middle(page, viewport);

  await changes(viewport, 'data-voi', async () => {
    await page.mouse.down();
    await page.mouse.move(centre.x + 160, centre.y + 120, { steps: 8 });
    await page.mouse.up();
  });
  const windowed = await middle(page, viewport);
  expect(histogramDistance(histogram(original), histogram(windowed)), 'the drag should move the grey levels').toBeGreaterThan(0.15);

  const invertedBefore = await viewport.getAttribute('data-invert');
  await changes(viewport, 'data-invert', () => page.keyboard.press('i'));
  expect(await viewport.getAttribute('data-invert')).not.toBe(invertedBefore);
  const inverted = await middle(page, viewport);
  expect(Math.abs(mean(inverted) - (255 - mean(windowed))), 'inverting mirrors the mean luminance').toBeLessThan(12);
  expect(correlation(windowed, inverted), 'every pixel swaps brightness').toBeLessThan(-0.9);
});

test('the magnifier shows more detail than the zoomed-out canvas', async ({ page }) => {
  const viewport = await openFirstViewport(page, chest.studyInstanceUID);
  const b = await box(viewport);
  const point = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await page.mouse.move(point.x, point.y);
  // The canvas as it is, before the loupe covers the spot.
  const canvas = greyFromPng(await viewport.screenshot());

  await page.keyboard.down('m');
  const loupe = viewport.getByTestId('loupe');
  await expect(loupe).toHaveAttribute('data-render-state', 'rendered');
  const loupePixels = greyFromPng(await loupe.locator('canvas').screenshot());
  const [x, y, width, height] = (await loupe.getAttribute('data-source-rect'))!.split(',').map(Number) as [number, number, number, number];
  const magnification = Number(await loupe.getAttribute('data-magnification'));
  await page.keyboard.up('m');
  await expect(loupe).toHaveCount(0);

  expect(magnification, 'the loupe enlarges the canvas at least twice').toBeGreaterThanOrEqual(2);
  // What an enlarged screenshot of the same spot would show, at the loupe's size.
  const spot = crop(canvas, { x, y, width, height });
  const enlargedCanvas = resizeBilinear(spot, loupePixels.width, loupePixels.height);
  const loupeEnergy = meanAbsLaplacian(loupePixels);
  const canvasEnergy = meanAbsLaplacian(enlargedCanvas);
  console.log(`high-frequency energy: loupe ${loupeEnergy.toFixed(3)}, enlarged canvas ${canvasEnergy.toFixed(3)} (×${magnification})`);
  expect(loupeEnergy, 'the loupe samples native pixels, not the screen').toBeGreaterThan(1.5 * canvasEnergy);
  // Brought back to the canvas's scale (and both rid of pixel noise), the loupe is the same
  // picture as the spot it magnifies: not shifted, not mirrored.
  const loupeAtCanvasScale = shrinkByArea(loupePixels, spot.width, spot.height);
  expect(correlation(boxBlur(loupeAtCanvasScale, 1), boxBlur(spot, 1)), 'the loupe shows the spot under the pointer, the right way round').toBeGreaterThan(0.8);
});

test('a length drawn on a mammogram reads in mm (ImagerPixelSpacing 0.1 mm)', async ({ page }) => {
  const viewport = await openFirstViewport(page, study('mammo-current').studyInstanceUID);
  const b = await box(viewport);
  const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  // Fit centres the image, so a vertical line through the middle lies on it.
  await page.keyboard.press('1');
  await page.keyboard.press('l');
  await page.mouse.move(centre.x, centre.y - 90);
  await page.mouse.down();
  await page.mouse.move(centre.x, centre.y + 90, { steps: 10 });
  await page.mouse.up();

  const label = viewport.locator('svg text').filter({ hasText: /mm/ });
  await expect(label).toHaveText(/^\s*\d+\.\d mm\s*$/);
  // The line as drawn (CSS px of the canvas), at the scale the viewport reports, at 0.1 mm a pixel.
  // cornerstone recomputes the label at most every 100 ms while a handle moves: poll until it settles.
  const line = viewport.locator('svg line[data-id$="-line"]');
  const relativeError = async (): Promise<number> => {
    const [x1, y1, x2, y2] = await Promise.all(['x1', 'y1', 'x2', 'y2'].map(async (a) => Number(await line.getAttribute(a))));
    const cssPerImagePixel = Number(await viewport.getAttribute('data-css-per-image-pixel'));
    const expectedMm = (Math.hypot(x2! - x1!, y2! - y1!) / cssPerImagePixel) * 0.1;
    return Math.abs(Number.parseFloat((await label.textContent()) ?? '') / expectedMm - 1);
  };
  await expect.poll(relativeError, { message: 'the label matches the line at 0.1 mm per pixel' }).toBeLessThan(0.02);
  await page.keyboard.press('w');
});

test('a length on an image without pixel spacing says px (uncalibrated)', async ({ page }) => {
  test.skip(!uncalibratedChest, 'the fixture set has no chest without pixel spacing');
  const viewport = await openFirstViewport(page, uncalibratedChest!.studyInstanceUID);
  await expect(viewport).toHaveAttribute('data-calibrated', 'false');
  const b = await box(viewport);
  const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.press('l');
  await page.mouse.down();
  await page.mouse.move(centre.x + 100, centre.y, { steps: 8 });
  await page.mouse.up();
  await expect(viewport.locator('svg text').filter({ hasText: /px/ })).toHaveText(/^\s*\d+ px \(uncalibrated\)\s*$/);
  await expect(viewport.getByTestId('overlay-uncalibrated')).toBeVisible();
  await page.keyboard.press('w');
});

test('1:1, true size and fit set the scale; Esc resets', async ({ page }) => {
  const viewport = await openFirstViewport(page, study('mammo-current').studyInstanceUID);
  const b = await box(viewport);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const scale = async (key: string) => Number(await changes(viewport, 'data-css-per-image-pixel', () => page.keyboard.press(key)));

  const fitted = Number(await viewport.getAttribute('data-css-per-image-pixel'));
  expect(await scale('2')).toBeCloseTo(1 / dpr, 3);
  await expect(viewport.getByTestId('overlay-scale')).toHaveText('1:1');
  // 0.1 mm pixels at CSS's 96 px per inch: 0.378 CSS px each.
  expect(await scale('3')).toBeCloseTo(0.1 * (96 / 25.4), 3);
  await expect(viewport.getByTestId('overlay-scale')).toHaveText('True size');
  expect(await scale('Escape')).toBeCloseTo(fitted, 4);
});

test('overlays: laterality and view, age at the study date, study date', async ({ page }) => {
  const mammo = await openFirstViewport(page, study('mammo-current').studyInstanceUID);
  await expect(mammo.getByTestId('overlay-view')).toHaveText(/^[RL] (CC|MLO)$/);
  // Born 1965-04-12, imaged 2024-03-15: 58, not 59.
  await expect(mammo.getByTestId('overlay-age')).toHaveText('Age 58 y');
  await expect(mammo.getByTestId('overlay-study-date')).toHaveText('2024-03-15');
  await expect(mammo.getByTestId('overlay-lossy')).toHaveCount(0);
});

test('a lossy compressed image carries the LOSSY warning', async ({ page }) => {
  // NEMA RG1 CR: JPEG 2000 with Lossy Image Compression 01.
  const lossyChest = await openFirstViewport(page, chest.studyInstanceUID);
  await expect(lossyChest.getByTestId('overlay-lossy')).toHaveText('LOSSY');
});

test('the toolbar drives the active viewport and opens the shortcut sheet', async ({ page }) => {
  const viewport = await openFirstViewport(page, chest.studyInstanceUID);
  const toolbar = page.getByTestId('viewer-toolbar');
  test.skip((await toolbar.count()) === 0, 'ViewerToolbar is not mounted in ViewerPage yet');
  await viewport.click({ position: { x: 20, y: 20 } });
  await changes(viewport, 'data-invert', () => toolbar.getByRole('button', { name: 'Invert' }).click());
  await toolbar.getByRole('button', { name: 'Length' }).click();
  await expect(toolbar.getByRole('button', { name: 'Length' })).toHaveAttribute('aria-pressed', 'true');
  await toolbar.getByRole('button', { name: 'Window/level' }).click();
  await toolbar.getByRole('button', { name: '?' }).click();
  const sheet = page.getByTestId('shortcut-sheet');
  await expect(sheet.getByTestId('shortcut-row')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
});
