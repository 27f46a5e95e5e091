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

export function createDicomwebClient(options: DicomwebClientOptions): DicomwebClient {
  const Ctor = api.DICOMwebClient as unknown as new (o: DicomwebClientOptions) => DicomwebClient;
  return new Ctor(options);
}
