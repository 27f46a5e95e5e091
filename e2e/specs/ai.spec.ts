import { expect, test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { callApi } from '../support/ipc-call';
import { TandemPage } from '../support/tandem-page';

const env = readEnvironment();
const study = (key: string) => env.fixtures.studies.find((s) => s.key === key)!;

test('scratch: squeezenet on a chest study in WASM', async ({ page }) => {
  page.on('console', (m) => console.log('[page]', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await callApi(env, 'models.importPack', ['/work/wt-ai-ui/.cache/test-packs/squeezenet']).catch((e) => console.log(String(e)));
  await callApi(env, 'settings.update', [{ inferenceBackend: 'wasm' }]);
  const app = new TandemPage(page);
  await app.open(env.appUrl);
  await app.openStudy(study('chest-nih-cardiomegaly').studyInstanceUID);
  await app.waitForViewports(1);
  await page.getByTestId('ai-run').click();
  await expect(page.getByTestId('ai-panel')).toBeVisible({ timeout: 80_000 });
  await expect(page.getByTestId('ai-heatmap')).toBeVisible();
  await page.screenshot({ path: '/tmp/aiscratch/chest.png' });
  console.log(await page.getByTestId('ai-panel').innerText());
});
