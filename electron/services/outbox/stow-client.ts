import type { ServiceError } from '../../../shared/ipc/errors';
import { explainFailure } from '../dicomweb/http-failure';
import { authorizationHeader, type PacsConnection } from '../dicomweb/pacs-connection';
import type { HttpOutcome, HttpRequest, HttpTransport } from './http-exchange';
import { encodeMultipartRelated } from './multipart-related';
import { parseStoreInstancesResponse, type StoreInstancesResponse } from './stow-response';

/** An exchange that got no usable answer. `retry`: it may work later without anyone doing anything. */
export interface ExchangeFailure {
  kind: 'failed';
  error: ServiceError;
  retry: boolean;
}

/** A STOW-RS answer that speaks about instances: 200, 202, 400 or 409. */
export interface StowAnswer {
  kind: 'answered';
  status: number;
  response: StoreInstancesResponse | undefined;
}

const ANSWERS_ABOUT_INSTANCES = new Set([200, 202, 400, 409]);
const RETRYABLE_STATUSES = new Set([408, 429]);
const SOP_INSTANCE_UID = '00080018';

/**
 * STOW-RS and the QIDO-RS searches that make it idempotent, for one PACS profile: its URLs, its
 * Authorization header, its timeout and its CA. Failures come back as values, explained for the
 * user, never thrown.
 *
 * Not dicomweb-client's storeInstances: version 0.11.3 resolves 200 and 202 alike without the
 * status (so "all stored" and "some failed" look the same), sends no Accept header, and its XHR
 * layer reports every socket failure as status 0.
 */
export class StowClient {
  private readonly server: string;

  constructor(
    private readonly connection: PacsConnection,
    private readonly transport: HttpTransport,
    private readonly signal?: AbortSignal,
  ) {
    this.server = new URL(connection.profile.stowUrl).host;
  }

  /** `POST {stowUrl}/studies/{study}` with every part in one multipart/related body. */
  async storeInstances(studyInstanceUID: string, parts: readonly Uint8Array[]): Promise<StowAnswer | ExchangeFailure> {
    const { contentType, body } = encodeMultipartRelated(parts);
    const outcome = await this.exchange({
      method: 'POST',
      url: `${trimSlash(this.connection.profile.stowUrl)}/studies/${studyInstanceUID}`,
      headers: { 'Content-Type': contentType, Accept: 'application/dicom+json' },
      body,
    });
    if (outcome.kind === 'answered' && ANSWERS_ABOUT_INSTANCES.has(outcome.status)) {
      return { kind: 'answered', status: outcome.status, response: parseStoreInstancesResponse(outcome.body) };
    }
    return this.failure(outcome);
  }

  /**
   * The SOP Instance UIDs the PACS holds in the given series of a study, one QIDO-RS search per
   * series (`GET {qidoUrl}/studies/{study}/series/{series}/instances`). Series-level listing rather
   * than `SOPInstanceUID=a,b` because not every PACS matches UID lists.
   */
  async storedInstances(studyInstanceUID: string, seriesInstanceUIDs: readonly string[]): Promise<{ kind: 'found'; uids: Set<string> } | ExchangeFailure> {
    const uids = new Set<string>();
    for (const series of new Set(seriesInstanceUIDs)) {
      const outcome = await this.exchange({
        method: 'GET',
        url: `${trimSlash(this.connection.profile.qidoUrl)}/studies/${studyInstanceUID}/series/${series}/instances`,
        headers: { Accept: 'application/dicom+json' },
      });
      if (outcome.kind === 'answered' && outcome.status === 204) continue;
      if (outcome.kind !== 'answered' || outcome.status !== 200) return this.failure(outcome);
      const found = sopInstanceUIDs(outcome.body);
      if (!found) return { kind: 'failed', retry: false, error: explainFailure({ kind: 'not-dicomweb', detail: 'the instance search did not return DICOM JSON' }, this.server) };
      for (const uid of found) uids.add(uid);
    }
    return { kind: 'found', uids };
  }

  private exchange(request: Omit<HttpRequest, 'timeoutMs' | 'ca' | 'signal'>): Promise<HttpOutcome> {
    const { profile } = this.connection;
    return this.transport({
      ...request,
      headers: { ...request.headers, ...authorizationHeader(this.connection) },
      timeoutMs: profile.timeoutMs,
      ca: profile.caCertificatePem,
      signal: this.signal,
    });
  }

  private failure(outcome: HttpOutcome): ExchangeFailure {
    switch (outcome.kind) {
      case 'timeout':
        return { kind: 'failed', retry: true, error: explainFailure({ kind: 'timeout' }, this.server) };
      case 'network':
        return { kind: 'failed', retry: true, error: explainFailure({ kind: 'network', cause: outcome.cause }, this.server) };
      case 'aborted':
        return { kind: 'failed', retry: true, error: explainFailure({ kind: 'network', cause: 'Tandem was closing' }, this.server) };
      case 'answered':
        return {
          kind: 'failed',
          retry: outcome.status >= 500 || RETRYABLE_STATUSES.has(outcome.status),
          error: explainFailure({ kind: 'status', status: outcome.status }, this.server),
        };
    }
  }
}

function sopInstanceUIDs(body: string): string[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(json)) return undefined;
  return json.flatMap((ds: Record<string, { Value?: unknown[] } | undefined>) => {
    const uid = ds?.[SOP_INSTANCE_UID]?.Value?.[0];
    return typeof uid === 'string' ? [uid.trim()] : [];
  });
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
