/** What a study holds in the PACS, by QIDO-RS, and one instance's Part 10 bytes, by WADO-RS. */
export interface PacsInstance {
  series: string;
  sop: string;
  modality: string;
}

export async function instancesInPacs(dicomwebRoot: string, studyInstanceUID: string): Promise<PacsInstance[]> {
  const res = await fetch(`${dicomwebRoot}/studies/${studyInstanceUID}/instances?includefield=00080060`, { headers: { Accept: 'application/dicom+json' } });
  if (res.status === 204) return [];
  const list = (await res.json()) as Array<Record<string, { Value?: string[] }>>;
  return list.map((ds) => ({ series: ds['0020000E']!.Value![0]!, sop: ds['00080018']!.Value![0]!, modality: ds['00080060']?.Value?.[0] ?? '' }));
}

export async function fetchPart10(dicomwebRoot: string, studyInstanceUID: string, instance: PacsInstance): Promise<Uint8Array> {
  const wado = await fetch(`${dicomwebRoot}/studies/${studyInstanceUID}/series/${instance.series}/instances/${instance.sop}`, { headers: { Accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
  const body = new Uint8Array(await wado.arrayBuffer());
  const type = wado.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!boundary) throw new Error(`no multipart boundary in ${type}`);
  const text = Buffer.from(body).toString('latin1');
  const start = text.indexOf('\r\n\r\n') + 4;
  const end = text.indexOf(`\r\n--${boundary}`, start);
  return body.subarray(start, end);
}
