import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { startMisbehavingServer } from '../support/misbehaving-server';
import { startPacsWithFixtures, tempDataDir, type PacsFixture } from '../support/pacs-fixture';

/**
 * What a reader sees when the PACS is wrong, down or slow: a precise, actionable message, and
 * the local archive untouched. Orthanc runs with authentication for the 401 cases.
 */
const auth = { username: 'reader', password: 'correct-horse' };
let pacs: PacsFixture;
let container: ServiceContainer;

async function profile(id: string, url: string, extra: Record<string, unknown> = {}) {
  await container.services.pacs.saveProfile({ id, name: id, qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000, ...extra });
}

beforeAll(async () => {
  pacs = await startPacsWithFixtures({ auth });
  container = createServices(nodePlatform(await tempDataDir(), 'test'));
});

afterAll(async () => {
  await pacs?.orthanc.stop();
});

describe('PACS that answers 401', () => {
  it('reports wrong credentials as such, in the worklist and in "Test connection"', async () => {
    await profile('wrong-pass', pacs.orthanc.dicomwebRoot, { auth: 'basic', username: 'reader', secret: 'wrong' });
    await expect(container.services.worklist.searchForStudies('wrong-pass', {})).rejects.toMatchObject({ code: 'PACS_AUTH_REQUIRED', message: expect.stringMatching(/401.*password/) });
    expect(await container.services.pacs.testConnection('wrong-pass')).toMatchObject({ ok: false, code: 'AUTH' });
  });

  it('works once the password is right, and keeps the password out of the profile', async () => {
    await profile('right-pass', pacs.orthanc.dicomwebRoot, { auth: 'basic', username: 'reader', secret: auth.password });
    const result = await container.services.worklist.searchForStudies('right-pass', {});
    expect(result.studies.length).toBe(pacs.fixtures.studies.length);
    expect(await container.services.pacs.testConnection('right-pass')).toMatchObject({ ok: true, code: 'OK' });
    const listed = await container.services.pacs.listProfiles();
    expect(JSON.stringify(listed)).not.toContain(auth.password);
    expect(listed.find((p) => p.id === 'right-pass')?.hasSecret).toBe(true);
  });
});

describe('PACS at the wrong address', () => {
  it('reports a wrong path as 404 with a hint about the URL', async () => {
    await profile('wrong-path', `${pacs.orthanc.baseUrl}/no-such-root`, { auth: 'basic', username: 'reader', secret: auth.password });
    await expect(container.services.worklist.searchForStudies('wrong-path', {})).rejects.toMatchObject({ code: 'PACS_NOT_FOUND' });
    expect(await container.services.pacs.testConnection('wrong-path')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('tells a refused connection apart from a DNS failure', async () => {
    await profile('refused', 'http://127.0.0.1:9/dicom-web');
    expect(await container.services.pacs.testConnection('refused')).toMatchObject({ ok: false, code: 'REFUSED' });
    await expect(container.services.worklist.searchForStudies('refused', {})).rejects.toMatchObject({ code: 'PACS_UNREACHABLE', message: expect.stringMatching(/refused/) });
    await profile('no-dns', 'http://pacs.invalid/dicom-web');
    expect(await container.services.pacs.testConnection('no-dns')).toMatchObject({ ok: false, code: 'DNS' });
  });
});

describe('servers that are not DICOMweb, or break mid-answer', () => {
  it('recognises an HTML page (a captive portal, a web UI) as not DICOMweb', async () => {
    const portal = await startMisbehavingServer('html');
    try {
      await profile('portal', portal.url);
      await expect(container.services.worklist.searchForStudies('portal', {})).rejects.toMatchObject({ code: 'PACS_NOT_DICOMWEB' });
      expect(await container.services.pacs.testConnection('portal')).toMatchObject({ ok: false, code: 'NOT_DICOMWEB', message: expect.stringMatching(/HTML/) });
    } finally {
      await portal.close();
    }
  });

  it('reports malformed JSON instead of showing an empty worklist', async () => {
    const broken = await startMisbehavingServer('malformed-json');
    try {
      await profile('broken', broken.url);
      await expect(container.services.worklist.searchForStudies('broken', {})).rejects.toMatchObject({ code: 'PACS_NOT_DICOMWEB' });
    } finally {
      await broken.close();
    }
  });

  it('gives up on a server that never answers, within the profile timeout', async () => {
    const silent = await startMisbehavingServer('silent');
    try {
      await profile('silent', silent.url, { timeoutMs: 1000 });
      const started = Date.now();
      await expect(container.services.worklist.searchForStudies('silent', {})).rejects.toMatchObject({ code: 'PACS_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(await container.services.pacs.testConnection('silent')).toMatchObject({ ok: false, code: 'TIMEOUT' });
    } finally {
      await silent.close();
    }
  });

  it('leaves the local archive empty and readable after all of these', async () => {
    expect(await container.services.worklist.searchForStudies('local', {})).toEqual({ studies: [], hasMore: false });
  });
});
