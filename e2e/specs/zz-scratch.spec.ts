import { test } from '@playwright/test';
import { readEnvironment } from '../support/environment';
import { callApi } from '../support/ipc-call';
const env = readEnvironment();
test('scratch result', async () => {
  const s = env.fixtures.studies.find((x) => x.key === 'mammo-current')!;
  await callApi(env, 'studies.retrieveStudy', ['orthanc', s.studyInstanceUID]);
  const job = await callApi<{ jobId: string }>(env, 'inference.start', [s.studyInstanceUID, 'tandem-mass-like-densities']);
  await new Promise((r) => setTimeout(r, 8000));
  const r = await callApi<any>(env, 'inference.getResult', [s.studyInstanceUID, 'tandem-mass-like-densities']);
  for (const v of r.views) {
    const bytes = Buffer.from(v.heatmap.data, 'base64');
    let max = 0, at = 0, nz = 0;
    bytes.forEach((b, i) => { if (b > max) { max = b; at = i; } if (b > 51) nz++; });
    console.log(v.laterality, v.view, v.heatmap.width, v.heatmap.height, 'max', max, 'at', at % v.heatmap.width, Math.floor(at / v.heatmap.width), 'cells>0.2', nz, 'marks', JSON.stringify(v.marks.map((m: any) => m.polygon.slice(0, 8))));
  }
  console.log(job);
});
