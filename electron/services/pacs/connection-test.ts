import type { ConnectionDiagnosis } from '../../../shared/domain/pacs-profile';
import { probe } from '../dicomweb/network-probe';
import { authorizationHeader, type PacsConnection } from '../dicomweb/pacs-connection';

/**
 * "Test connection": one QIDO-RS request, read closely, to tell apart a DNS failure, a refused
 * connection, a TLS problem, wrong credentials, a wrong path and a server that is not DICOMweb.
 */
export async function testPacsConnection(connection: PacsConnection): Promise<ConnectionDiagnosis> {
  const url = `${connection.profile.qidoUrl.replace(/\/+$/, '')}/studies?limit=1`;
  const result = await probe(url, {
    headers: authorizationHeader(connection),
    ca: connection.profile.caCertificatePem,
    timeoutMs: connection.profile.timeoutMs,
  });
  if (!result.ok) return { ok: false, code: result.code, message: capitalise(result.message) };
  const { status, contentType, body, latencyMs } = result;
  if (status === 401) return { ok: false, code: 'AUTH', message: 'The server requires valid credentials (401): check the user name and password or token.', latencyMs };
  if (status === 403) return { ok: false, code: 'FORBIDDEN', message: 'The server refused this account (403).', latencyMs };
  if (status === 404) return { ok: false, code: 'NOT_FOUND', message: 'Nothing at that path (404): the QIDO URL usually ends in /dicom-web or /dicomweb.', latencyMs };
  if (status >= 500) return { ok: false, code: 'SERVER_ERROR', message: `The server failed with HTTP ${status}.`, latencyMs };
  if (status === 204) return { ok: true, code: 'OK', message: `Connected: a DICOMweb server that holds no studies yet (${latencyMs} ms).`, latencyMs };
  if (status === 200 && isDicomJsonArray(contentType, body)) {
    return { ok: true, code: 'OK', message: `Connected to a DICOMweb server (${latencyMs} ms).`, latencyMs };
  }
  const what = /html/i.test(contentType) ? 'an HTML page' : contentType || 'an unrecognised answer';
  return { ok: false, code: 'NOT_DICOMWEB', message: `The server answered HTTP ${status} with ${what}, not DICOM JSON: this is not a DICOMweb QIDO-RS endpoint.`, latencyMs };
}

function isDicomJsonArray(contentType: string, body: string): boolean {
  if (!/json/i.test(contentType)) return false;
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}
