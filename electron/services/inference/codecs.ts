import type { DecodedFrame } from '../../../shared/models/dicom-source';

/** The shape every cornerstone WASM decoder (JPEG, JPEG 2000, JPEG-LS) shares. */
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; isSigned: boolean; componentCount: number };
  getDecodedBuffer(): Uint8Array;
  delete(): void;
}
type CodecModule = Record<string, new () => WasmDecoder>;
type CodecFactory = (overrides?: { print?: (text: string) => void; printErr?: (text: string) => void }) => Promise<CodecModule>;


/** Transfer syntax → the codec package that decodes it in Node, and its decoder class. */
const CODECS: Record<string, { pkg: string; decoder: string }> = {
  '1.2.840.10008.1.2.4.50': { pkg: '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs', decoder: 'JPEGDecoder' },
  '1.2.840.10008.1.2.4.90': { pkg: '@cornerstonejs/codec-openjpeg/wasmjs', decoder: 'J2KDecoder' },
  '1.2.840.10008.1.2.4.91': { pkg: '@cornerstonejs/codec-openjpeg/wasmjs', decoder: 'J2KDecoder' },
  '1.2.840.10008.1.2.4.80': { pkg: '@cornerstonejs/codec-charls/wasmjs', decoder: 'JpegLSDecoder' },
  '1.2.840.10008.1.2.4.81': { pkg: '@cornerstonejs/codec-charls/wasmjs', decoder: 'JpegLSDecoder' },
};

const modules = new Map<string, Promise<CodecModule>>();

export function canDecode(transferSyntax: string): boolean {
  return transferSyntax in CODECS;
}


/** Decodes one compressed frame with the WASM codec for its transfer syntax. */
export async function decodeCompressedFrame(transferSyntax: string, encoded: Uint8Array): Promise<DecodedFrame> {
  const codec = CODECS[transferSyntax];
  if (!codec) throw new Error(`no decoder for transfer syntax ${transferSyntax}`);
  let mod = modules.get(codec.pkg);
  if (!mod) {
    // Loaded at run time from node_modules (the codecs find their .wasm beside their script).
    mod = (import(codec.pkg) as Promise<{ default: CodecFactory }>).then((m) =>
      // The codecs' progress chatter goes nowhere; their errors surface as exceptions from decode().
      m.default({ print: () => undefined, printErr: () => undefined }),
    );
    modules.set(codec.pkg, mod);
  }
  const Decoder = (await mod)[codec.decoder]!;
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
    const info = decoder.getFrameInfo();
    return { width: info.width, height: info.height, bitsPerSample: info.bitsPerSample, isSigned: info.isSigned, components: info.componentCount, bytes: decoder.getDecodedBuffer().slice() };
  } finally {
    decoder.delete();
  }
}
