import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { pixelStats, type PixelStats } from './pixel-stats';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

/** Page object for Tandem's worklist and viewer. Waits on render signals, never on timers. */
export class TandemPage {
  constructor(readonly page: Page) {}

  async open(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await expect(this.page.getByRole('heading', { name: 'Tandem' })).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('worklist-row');
  }

  row(studyInstanceUID: string): Locator {
    return this.page.locator(`[data-testid="worklist-row"][data-study-uid="${studyInstanceUID}"]`);
  }

  async openStudy(studyInstanceUID: string): Promise<void> {
    await this.row(studyInstanceUID).dblclick();
  }

  viewports(): Locator {
    return this.page.locator('.image-viewport');
  }

  /** Waits until every viewport of the open study has rendered (or failed). */
  async waitForViewports(count: number): Promise<void> {
    await expect(this.viewports()).toHaveCount(count);
    for (let i = 0; i < count; i++) {
      await expect(this.viewports().nth(i)).toHaveAttribute('data-render-state', /rendered|error/);
    }
  }

  /** Screenshot cropped to one viewport, kept as a CI artifact, with its luminance statistics. */
  async viewportStats(viewport: Locator, name: string): Promise<PixelStats> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const png = await viewport.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    return pixelStats(png);
  }
}
