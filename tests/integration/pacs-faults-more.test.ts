import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { startOrthanc, type OrthancHandle } from '../../scripts/orthanc/orthanc';
import { startMisbehavingServer } from '../support/misbehaving-server';
import { tempDataDir } from '../support/pacs-fixture';
import { startTlsServer } from '../support/tls-server';

/** 403 from a real Orthanc (its HTTP filter refuses this client), 500, and TLS trust. */
let orthanc: OrthancHandle;
let container: ServiceContainer;

async function profile(id: string, url: string, extra: Record<string, unknown> = {}) {
  await container.services.pacs.saveProfile({ id, name: id, qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000, ...extra });
}

beforeAll(async () => {
  const workDir = await tempDataDir('tandem-orthanc-403-');
  const lua = path.join(workDir, 'deny.lua');
  // Orthanc answers 403 when this filter returns false: the PACS refuses this workstation.
  await writeFile(lua, 'function IncomingHttpRequestFilter(method, uri, ip, username, httpHeaders)\n  return not string.find(uri, "^/dicom%-web")\nend\n');
  orthanc = await startOrthanc({ workDir, extraConfig: { LuaScripts: [lua] } });
  container = createServices(nodePlatform(await tempDataDir(), 'test'));
});

afterAll(async () => {
  await container?.dispose();
  await orthanc?.stop();
});

describe('more PACS faults', () => {
  it('explains a 403 from the PACS as missing permission', async () => {
    await profile('forbidden', orthanc.dicomwebRoot);
    await expect(container.services.worklist.searchForStudies('forbidden', {})).rejects.toMatchObject({ code: 'PACS_FORBIDDEN', message: expect.stringMatching(/403.*administrator/) });
    expect(await container.services.pacs.testConnection('forbidden')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('explains a 500 as the PACS’s own failure', async () => {
    const broken = await startMisbehavingServer('server-error');
    try {
      await profile('error-500', broken.url);
      await expect(container.services.worklist.searchForStudies('error-500', {})).rejects.toMatchObject({ code: 'PACS_SERVER_ERROR', message: expect.stringMatching(/500/) });
      expect(await container.services.pacs.testConnection('error-500')).toMatchObject({ ok: false, code: 'SERVER_ERROR' });
    } finally {
      await broken.close();
    }
  });

  it('diagnoses an untrusted certificate as TLS, and trusts the server once its CA is in the profile', async () => {
    const tls = await startTlsServer();
    try {
      await profile('tls', tls.url);
      expect(await container.services.pacs.testConnection('tls')).toMatchObject({ ok: false, code: 'TLS' });
      await expect(container.services.worklist.searchForStudies('tls', {})).rejects.toMatchObject({ code: 'PACS_UNREACHABLE', message: expect.stringMatching(/TLS/) });
      await profile('tls', tls.url, { caCertificatePem: tls.certificatePem });
      expect(await container.services.pacs.testConnection('tls')).toMatchObject({ ok: true });
      expect(await container.services.worklist.searchForStudies('tls', {})).toEqual({ studies: [], hasMore: false });
    } finally {
      await tls.close();
    }
  });
});
