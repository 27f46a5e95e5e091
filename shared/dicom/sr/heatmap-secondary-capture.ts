import type { Heatmap } from '../../domain/ai-result';
import { base64Bytes } from './cad-common';
import { fitBytes } from './content-items';
import { commonModules, SOP_CLASS, type NaturalDataset } from './sr-document';
import type { NewObject, SourceImage, StudyContext } from './study-context';

/** The longest side of the stored heatmap picture: enough to read, small enough for any PACS. */
const MAX_SIDE = 512;

/**
 * A heatmap as a Secondary Capture image any PACS viewer shows: the activation 0–1 as grey
 * levels 0–255 on the source image's aspect ratio, linked to its source image (Source Image
 * Sequence, derivation), labelled DERIVED\SECONDARY, WSD, burned-in annotation YES.
 */
export function heatmapSecondaryCapture(context: StudyContext, object: NewObject, heatmap: Heatmap, source: SourceImage, algorithm: string): NaturalDataset {
  const aspect = source.columns && source.rows ? source.columns / source.rows : heatmap.width / heatmap.height;
  const columns = aspect >= 1 ? MAX_SIDE : Math.max(2, Math.round(MAX_SIDE * aspect));
  const rows = aspect >= 1 ? Math.max(2, Math.round(MAX_SIDE / aspect)) : MAX_SIDE;
  const cells = base64Bytes(heatmap.data);
  const pixels = new Uint8Array(columns * rows);
  for (let y = 0; y < rows; y++) {
    const cy = Math.min(heatmap.height - 1, Math.floor((y * heatmap.height) / rows));
    for (let x = 0; x < columns; x++) {
      const cx = Math.min(heatmap.width - 1, Math.floor((x * heatmap.width) / columns));
      pixels[y * columns + x] = cells[cy * heatmap.width + cx] ?? 0;
    }
  }
  const sourceRef = { ReferencedSOPClassUID: source.sopClassUID, ReferencedSOPInstanceUID: source.sopInstanceUID };
  return {
    ...commonModules(context, object, SOP_CLASS.secondaryCapture, 'OT'),
    SeriesDescription: fitBytes(`AI heatmap (${algorithm})`, 64),
    ImageType: ['DERIVED', 'SECONDARY'],
    ConversionType: 'WSD',
    PatientOrientation: '',
    // Type 2C: dciodvfy asks for it on every series of a study it cannot rule out as paired, so
    // an unlateralised source (a chest PA) gets it empty, which Type 2 allows.
    Laterality: source.laterality ?? '',
    BurnedInAnnotation: 'YES',
    DerivationDescription: `Activation map of ${algorithm} for "${heatmap.label}" (${heatmap.source}); 0 = none, 255 = strongest`,
    SourceImageSequence: [sourceRef],
    ReferencedImageSequence: [sourceRef],
    ImageComments: `Heatmap of ${heatmap.label}`,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    WindowCenter: '127.5',
    WindowWidth: '256',
    PixelData: pixels.buffer,
    _vrMap: { PixelData: 'OB' },
  };
}

/** The signed report's PDF, encapsulated so that it travels to the PACS with the SR. */
export function encapsulatedPdf(context: StudyContext, object: NewObject, pdf: Uint8Array, title: string): NaturalDataset {
  // The value must have an even length; a trailing NUL after %%EOF is allowed.
  const padded = new Uint8Array(pdf.length + (pdf.length % 2));
  padded.set(pdf);
  return {
    ...commonModules(context, object, SOP_CLASS.encapsulatedPdf, 'DOC'),
    SeriesDescription: 'Double-reading report (PDF)',
    ConversionType: 'SYN',
    BurnedInAnnotation: 'YES',
    DocumentTitle: fitBytes(title, 64),
    ConceptNameCodeSequence: [],
    MIMETypeOfEncapsulatedDocument: 'application/pdf',
    EncapsulatedDocument: padded.buffer,
    AcquisitionDateTime: `${String(object.contentDateTime.toISOString()).slice(0, 19).replace(/[-:T]/g, '')}`,
    _vrMap: { EncapsulatedDocument: 'OB' },
  };
}
