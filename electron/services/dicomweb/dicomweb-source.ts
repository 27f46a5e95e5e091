import https from 'node:https';
import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { toQidoParams } from '../../../shared/dicom/qido-query';
import { studySummaryFromJson } from '../../../shared/dicom/study-from-json';
import type { InstanceRef, StudyQuery, StudySearchResult } from '../../../shared/domain/study';
import { StudyQuery as StudyQuerySchema } from '../../../shared/domain/study';
import { ServiceError } from '../../../shared/ipc/errors';
import { explainFailure, type HttpFailure } from './http-failure';
import { probe } from './network-probe';
import { fetchInstance } from './wado-instance';
import { createDicomwebClient, type DicomwebClient } from './client-facade';
import { authorizationHeader, type PacsConnection } from './pacs-connection';
import { installXhrPolyfill } from './xhr-polyfill';

interface XhrLike {
  timeout: number;
  abort(): void;
  addEventListener(type: string, listener: () => void): void;
  nodejsSet?(options: { httpsAgent?: https.Agent }): void;
}

interface DicomwebClientError {
  status?: number;
  request?: XhrLike & { tandemTimedOut?: boolean };
}


/**
 * One PACS over DICOMweb, through dicomweb-client. Wire data is converted to domain types here;
 * every failure leaves as a ServiceError with an actionable message.
 */
export class DicomwebSource {
  private readonly qido: DicomwebClient;
  private readonly wado: DicomwebClient;
  private readonly server: string;

  constructor(
    private readonly connection: PacsConnection,
    private readonly signal?: AbortSignal,
  ) {
    installXhrPolyfill();
    this.server = new URL(connection.profile.qidoUrl).host;
    this.qido = this.createClient(connection.profile.qidoUrl);
    this.wado = this.createClient(connection.profile.wadoUrl);
  }

  get id(): string {
    return this.connection.profile.id;
  }

  /** QIDO-RS /studies. Asks for one more than `limit` to learn whether more results exist. */
  async searchForStudies(query: StudyQuery): Promise<StudySearchResult> {
    const q = StudyQuerySchema.parse(query);
    const raw = await this.call(this.connection.profile.qidoUrl, () => this.qido.searchForStudies({ queryParams: toQidoParams(q) }));
    const datasets = this.expectDatasetArray(raw);
    const studies = datasets.slice(0, q.limit).map((ds) => studySummaryFromJson(ds, this.id));
    return { studies, hasMore: datasets.length > q.limit };
  }

  /** WADO-RS study metadata: one DICOM JSON dataset per instance. */
  async retrieveStudyMetadata(studyInstanceUID: string): Promise<DicomJsonDataset[]> {
    const raw = await this.call(this.connection.profile.wadoUrl, () => this.wado.retrieveStudyMetadata({ studyInstanceUID }));
    return this.expectDatasetArray(raw);
  }

  /** WADO-RS instance, in its stored transfer syntax, as Part 10 bytes. */
  async retrieveInstance(ref: InstanceRef): Promise<Uint8Array> {
    if (this.signal?.aborted) throw new ServiceError('CANCELLED', 'The retrieval was cancelled; images already fetched are kept.');
    const result = await fetchInstance(this.connection, ref, this.signal);
    if (result.ok) return result.bytes;
    if (this.signal?.aborted) throw new ServiceError('CANCELLED', 'The retrieval was cancelled; images already fetched are kept.');
    throw explainFailure(result.failure, this.server);
  }

  private createClient(url: string): DicomwebClient {
    const { profile } = this.connection;
    const agent = profile.caCertificatePem ? new https.Agent({ ca: profile.caCertificatePem }) : undefined;
    return createDicomwebClient({
      url: url.replace(/\/+$/, ''),
      headers: authorizationHeader(this.connection),
      verbose: false,
      // dicomweb-client ignores every hook unless each declares exactly (request, metadata).
      requestHooks: [
        (xhr: XhrLike & { tandemTimedOut?: boolean }, _metadata: unknown) => {
          xhr.timeout = profile.timeoutMs;
          xhr.addEventListener('timeout', () => {
            xhr.tandemTimedOut = true;
          });
          if (agent) xhr.nodejsSet?.({ httpsAgent: agent });
          const signal = this.signal;
          if (signal) {
            const abort = () => xhr.abort();
            signal.addEventListener('abort', abort, { once: true });
            xhr.addEventListener('loadend', () => signal.removeEventListener('abort', abort));
          }
          return xhr;
        },
      ],
    });
  }

  private async call<T>(url: string, run: () => Promise<T>): Promise<T> {
    const cancelled = () => new ServiceError('CANCELLED', 'The retrieval was cancelled; images already fetched are kept.');
    const signal = this.signal;
    if (signal?.aborted) throw cancelled();
    // xhr2's abort() never reaches readyState DONE, so dicomweb-client's promise would never
    // settle; the abort signal settles the call instead (the socket is closed by the hook).
    let onAbort: (() => void) | undefined;
    const aborted = signal
      ? new Promise<never>((_resolve, reject) => {
          onAbort = () => reject(cancelled());
          signal.addEventListener('abort', onAbort, { once: true });
        })
      : undefined;
    try {
      return await (aborted ? Promise.race([run(), aborted]) : run());
    } catch (err) {
      if (err instanceof ServiceError) throw err;
      if (this.signal?.aborted) throw cancelled();
      throw explainFailure(await this.classify(err as DicomwebClientError, url), this.server);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  private async classify(err: DicomwebClientError, url: string): Promise<HttpFailure> {
    if (err.request?.tandemTimedOut) return { kind: 'timeout' };
    if (typeof err.status === 'number' && err.status > 0) return { kind: 'status', status: err.status };
    if (err.request === undefined) return { kind: 'not-dicomweb', detail: 'the response could not be read' };
    // XHR hides why a request failed; ask the network directly to tell DNS, refusal and TLS apart.
    const result = await probe(url, { timeoutMs: Math.min(this.connection.profile.timeoutMs, 5000), ca: this.connection.profile.caCertificatePem });
    return result.ok ? { kind: 'network' } : { kind: 'network', cause: result.message };
  }

  private expectDatasetArray(raw: unknown): DicomJsonDataset[] {
    if (Array.isArray(raw) && raw.every((item) => typeof item === 'object' && item !== null)) return raw as DicomJsonDataset[];
    throw explainFailure({ kind: 'not-dicomweb', detail: 'expected a DICOM JSON array' }, this.server);
  }
}
