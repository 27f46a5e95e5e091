import { describe, expect, it } from 'vitest';
import { parseStoreInstancesResponse } from './stow-response';
import { applySearchEvidence, judgeStowAnswer } from './stow-verdict';

const uid = (n: number) => `2.25.${n}`;
const sopRef = (n: number, extra: Record<string, unknown> = {}) => ({
  '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] },
  '00081155': { vr: 'UI', Value: [uid(n)] },
  ...extra,
});

/** Orthanc 1.10 (DICOMweb 1.7), one instance sent to the wrong study URL: 409, no Content-Type. */
const ORTHANC_409_MIXED = JSON.stringify({
  '00080005': { Value: ['ISO_IR 100'], vr: 'CS' },
  '00081190': { Value: ['http://127.0.0.1:38769/dicom-web/studies/2.25.1'], vr: 'UR' },
  '00081198': { Value: [sopRef(2, { '00081197': { Value: [272], vr: 'US' } })], vr: 'SQ' },
  '00081199': { Value: [sopRef(1, { '00081190': { Value: ['http://…'], vr: 'UR' } })], vr: 'SQ' },
});

/** Orthanc 1.10, a good part and an unparseable part: 400, only the stored one listed. */
const ORTHANC_400_PARTIAL = JSON.stringify({
  '00080005': { Value: ['ISO_IR 100'], vr: 'CS' },
  '00081198': { vr: 'SQ' },
  '00081199': { Value: [sopRef(1)], vr: 'SQ' },
});

describe('parseStoreInstancesResponse', () => {
  it('reads stored and failed instances with their reasons in hex', () => {
    const parsed = parseStoreInstancesResponse(ORTHANC_409_MIXED);
    expect([...(parsed?.stored.keys() ?? [])]).toEqual([uid(1)]);
    expect(parsed?.failed.get(uid(2))).toEqual({ failureReason: '0110' });
  });

  it('accepts a dataset wrapped in an array, and warnings', () => {
    const parsed = parseStoreInstancesResponse(JSON.stringify([{ '00081199': { vr: 'SQ', Value: [sopRef(3, { '00081196': { vr: 'US', Value: [0xb000] } })] } }]));
    expect(parsed?.stored.get(uid(3))).toEqual({ warningReason: 'B000' });
  });

  it('gives up on bodies that are not DICOM JSON', () => {
    expect(parseStoreInstancesResponse('')).toBeUndefined();
    expect(parseStoreInstancesResponse('<NativeDicomModel/>')).toBeUndefined();
    expect(parseStoreInstancesResponse('null')).toBeUndefined();
  });
});

describe('judgeStowAnswer', () => {
  it('reports a 409 per instance: stored ones stored, failed ones with a reason a person can act on', () => {
    const verdicts = judgeStowAnswer(409, parseStoreInstancesResponse(ORTHANC_409_MIXED), [uid(1), uid(2)]);
    expect(verdicts.get(uid(1))).toEqual({ status: 'stored' });
    expect(verdicts.get(uid(2))).toMatchObject({ status: 'failed', reason: '0110', transient: false, message: expect.stringMatching(/Study Instance UID.*PACS administrator/) });
  });

  it('fails an instance a 400 does not mention: the PACS could not read it', () => {
    const verdicts = judgeStowAnswer(400, parseStoreInstancesResponse(ORTHANC_400_PARTIAL), [uid(1), uid(2)]);
    expect(verdicts.get(uid(1))?.status).toBe('stored');
    expect(verdicts.get(uid(2))).toMatchObject({ status: 'failed', message: expect.stringMatching(/could not read/) });
  });

  it('takes a bare 200 as "all stored", and an out-of-resources failure as transient', () => {
    expect(judgeStowAnswer(200, undefined, [uid(1)]).get(uid(1))).toEqual({ status: 'stored' });
    const body = JSON.stringify({ '00081198': { vr: 'SQ', Value: [sopRef(4, { '00081197': { vr: 'US', Value: [0xa700] } })] } });
    expect(judgeStowAnswer(409, parseStoreInstancesResponse(body), [uid(4)]).get(uid(4))).toMatchObject({ status: 'failed', reason: 'A700', transient: true });
  });

  it('describes warnings on stored instances', () => {
    const body = JSON.stringify({ '00081199': { vr: 'SQ', Value: [sopRef(5, { '00081196': { vr: 'US', Value: [0xb000] } })] } });
    expect(judgeStowAnswer(202, parseStoreInstancesResponse(body), [uid(5)]).get(uid(5))).toMatchObject({ status: 'stored', reason: 'B000', message: expect.stringMatching(/coercion/) });
  });
});

describe('applySearchEvidence', () => {
  it('counts a failed instance the PACS holds as stored, and an acknowledged one it lacks as failed', () => {
    const verdicts = judgeStowAnswer(409, parseStoreInstancesResponse(ORTHANC_409_MIXED), [uid(1), uid(2)]);
    applySearchEvidence(verdicts, new Set([uid(2)]));
    expect(verdicts.get(uid(2))).toMatchObject({ status: 'stored', message: expect.stringMatching(/Already in the PACS/) });
    expect(verdicts.get(uid(1))).toMatchObject({ status: 'failed', message: expect.stringMatching(/acknowledged.*does not hold/) });
  });
});
