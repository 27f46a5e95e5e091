import { api } from 'dicomweb-client';

/**
 * The part of dicomweb-client Tandem uses, typed as the library behaves at run time (its bundled
 * declarations mark optional options as required and return types as synchronous).
 */
export interface DicomwebClient {
  searchForStudies(options: { queryParams?: Record<string, string> }): Promise<unknown>;
  retrieveStudyMetadata(options: { studyInstanceUID: string }): Promise<unknown>;
  retrieveInstance(options: {
    studyInstanceUID: string;
    seriesInstanceUID: string;
    sopInstanceUID: string;
    mediaTypes?: { mediaType: string; transferSyntaxUID?: string }[];
  }): Promise<unknown>;
  storeInstances(options: { datasets: ArrayBuffer[]; studyInstanceUID?: string }): Promise<unknown>;
}

export interface DicomwebClientOptions {
  url: string;
  headers?: Record<string, string>;
  verbose?: boolean;
  requestHooks?: ((xhr: never, metadata: unknown) => unknown)[];
}

interface DicomwebClientInternals extends Omit<DicomwebClient, 'retrieveInstance'> {
  wadoURL: string;
  _httpGetMultipartApplicationDicom(url: string, mediaTypes: { mediaType: string; transferSyntaxUID?: string }[], params: false): Promise<ArrayBuffer[]>;
}

export function createDicomwebClient(options: DicomwebClientOptions): DicomwebClient {
  const Ctor = api.DICOMwebClient as unknown as new (o: DicomwebClientOptions) => DicomwebClientInternals;
  const client = new Ctor(options);
  return {
    searchForStudies: (o) => client.searchForStudies(o),
    retrieveStudyMetadata: (o) => client.retrieveStudyMetadata(o),
    storeInstances: (o) => client.storeInstances(o),
    // dicomweb-client 0.11.3's public retrieveInstance rejects every mediaTypes list for
    // application/dicom (its _getSharedMediaTypes compares "application/" with
    // "application/dicom"), so `transfer-syntax=*` could not be asked for. The request itself
    // (Accept header, multipart decoding) is the library's own.
    retrieveInstance: async ({ studyInstanceUID, seriesInstanceUID, sopInstanceUID, mediaTypes }) => {
      const url = `${client.wadoURL}/studies/${studyInstanceUID}/series/${seriesInstanceUID}/instances/${sopInstanceUID}`;
      const parts = await client._httpGetMultipartApplicationDicom(url, mediaTypes ?? [{ mediaType: 'application/dicom' }], false);
      return parts[0];
    },
  };
}
