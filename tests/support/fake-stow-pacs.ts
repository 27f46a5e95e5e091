import { readPart10Header } from '../../electron/services/archive/part10-header';
import type { HttpOutcome, HttpRequest, HttpTransport } from '../../electron/services/outbox/http-exchange';
import { readString } from '../../shared/dicom/dicom-json';
import { Tag } from '../../shared/dicom/tags';

/** How the fake PACS behaves; change it between requests. */
export interface FakePacsBehaviour {
  /** A re-sent instance: stored once with 200 (Orthanc) or refused with 409/0111H (stricter archives). */
  duplicates: 'accept' | 'conflict';
  /** Every request fails this way: an HTTP status, a refused connection, or silence. */
  outage?: number | 'down' | 'timeout';
  /** Instances refused with this FailureReason (hex), by SOP Instance UID. */
  refuse?: Map<string, string>;
  /** The next STOW-RS request is stored, but its answer is lost (the connection drops). */
  loseNextAnswer?: boolean;
}

interface Held {
  study: string;
  series: string;
  /** How many times the PACS took this instance in (a real archive would hold duplicates). */
  copies: number;
}

/**
 * An in-memory DICOMweb PACS behind the outbox's HttpTransport seam: it parses the multipart
 * bodies the outbox sends, answers STOW-RS with a Store Instances Response and QIDO-RS with the
 * instances of a series, and records everything it was sent.
 */
export class FakePacs {
  readonly held = new Map<string, Held>();
  /** SOP Instance UIDs of each STOW-RS request, in order. */
  readonly posts: string[][] = [];
  readonly requests: HttpRequest[] = [];
  behaviour: FakePacsBehaviour = { duplicates: 'accept' };

  readonly transport: HttpTransport = async (request) => this.handle(request);

  private handle(request: HttpRequest): HttpOutcome {
    this.requests.push(request);
    const { outage } = this.behaviour;
    if (outage === 'down') return { kind: 'network', cause: 'the connection was refused: nothing listens on that port' };
    if (outage === 'timeout') return { kind: 'timeout' };
    if (typeof outage === 'number') return { kind: 'answered', status: outage, body: '' };
    const path = new URL(request.url).pathname;
    const search = /\/studies\/([\d.]+)\/series\/([\d.]+)\/instances$/.exec(path);
    if (request.method === 'GET' && search) return this.search(search[1]!, search[2]!);
    const stow = /\/studies\/([\d.]+)$/.exec(path);
    if (request.method === 'POST' && stow) return this.store(stow[1]!, request);
    return { kind: 'answered', status: 404, body: '' };
  }

  private search(study: string, series: string): HttpOutcome {
    const found = [...this.held].filter(([, h]) => h.study === study && h.series === series);
    if (found.length === 0) return { kind: 'answered', status: 204, body: '' };
    return { kind: 'answered', status: 200, body: JSON.stringify(found.map(([uid]) => ({ '00080018': { vr: 'UI', Value: [uid] } }))) };
  }

  private store(study: string, request: HttpRequest): HttpOutcome {
    const boundary = /boundary=([^;]+)/.exec(request.headers['Content-Type'] ?? '')?.[1];
    const parts = splitMultipart(Buffer.from(request.body ?? new Uint8Array()), boundary ?? '');
    const stored: string[] = [];
    const failed: [string, number][] = [];
    const uids: string[] = [];
    for (const part of parts) {
      const header = readPart10Header(part);
      const uid = readString(header, Tag.SOPInstanceUID) ?? '';
      uids.push(uid);
      const held = this.held.get(uid);
      const refusal = this.behaviour.refuse?.get(uid);
      if (readString(header, Tag.StudyInstanceUID) !== study) failed.push([uid, 0x0110]);
      else if (refusal) failed.push([uid, Number.parseInt(refusal, 16)]);
      else if (held && this.behaviour.duplicates === 'conflict') failed.push([uid, 0x0111]);
      else {
        this.held.set(uid, { study, series: readString(header, Tag.SeriesInstanceUID) ?? '', copies: (held?.copies ?? 0) + 1 });
        stored.push(uid);
      }
    }
    this.posts.push(uids);
    if (this.behaviour.loseNextAnswer) {
      this.behaviour.loseNextAnswer = false;
      return { kind: 'network', cause: 'the connection broke off before the PACS answered' };
    }
    const status = failed.length === 0 ? 200 : stored.length === 0 ? 409 : 202;
    return { kind: 'answered', status, body: JSON.stringify(storeResponse(stored, failed)) };
  }
}

function storeResponse(stored: string[], failed: [string, number][]): Record<string, unknown> {
  return {
    '00081199': { vr: 'SQ', Value: stored.map((uid) => ({ '00081155': { vr: 'UI', Value: [uid] } })) },
    '00081198': { vr: 'SQ', Value: failed.map(([uid, reason]) => ({ '00081155': { vr: 'UI', Value: [uid] }, '00081197': { vr: 'US', Value: [reason] } })) },
  };
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const segment = body.subarray(at + delimiter.length, next);
    const headerEnd = segment.indexOf('\r\n\r\n');
    parts.push(segment.subarray(headerEnd + 4, segment.length - 2));
    at = next;
  }
  return parts;
}
