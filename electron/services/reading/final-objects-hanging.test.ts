import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type FixtureManifest, type FixtureStudy } from '../../../scripts/fixtures/make-fixtures';
import { commonModules, SOP_CLASS } from '../../../shared/dicom/sr/sr-document';
import { Tag } from '../../../shared/dicom/tags';
import { whyNotHangable } from '../../../shared/hanging/hangable';
import type { HungProtocol } from '../../../shared/hanging/hung-layout';
import { imageAttributesFromDicomJson, type ImageAttributes } from '../../../shared/hanging/image-attributes';
import { chooseProtocol, hang } from '../../../shared/hanging/matcher';
import { builtInProtocols } from '../../../shared/hanging/protocols';
import { PackManifest } from '../../../shared/models/manifest';
import { LocalArchive } from '../archive/local-archive';
import { loadStudyImages } from '../inference/study-images';
import { finalObjects } from './final-objects';
import { writePart10 } from './part10-codec';
import { readStudyContext } from './study-context-reader';
import { finalSession, mammoAi } from './testing/sample-reading';

/**
 * Tandem's own objects (SRs, heatmap Secondary Captures, the PDF) come back from the PACS with the
 * study once it is reported. Built here by the real final-objects builder from real Part 10
 * mammograms, stored and re-read by the archive as a second workstation would, then hung.
 */

let fixtures: FixtureManifest;
let current: FixtureStudy;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-final-hang-'));
  fixtures = await makeFixtures({ sharedDataDir: path.join(dir, 'absent'), outDir: path.join(dir, 'out') });
  current = fixtures.studies.find((s) => s.key === 'mammo-current')!;
}, 60_000);

/** An archive holding the mammograms and every object of their signed report. */
async function reportedStudy(heatmapModality?: string): Promise<{ root: string; heatmapUids: string[]; mammoUids: string[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-final-hang-archive-'));
  const archive = new LocalArchive(root);
  for (const instance of current.instances) await archive.storeInstance(await readFile(instance.path));
  const context = await readStudyContext(archive, current.studyInstanceUID);
  const ai = mammoAi(current.studyInstanceUID);
  const views = context.images.map((image, i) => ({
    ...ai.views[i % ai.views.length]!,
    seriesInstanceUid: image.seriesInstanceUID,
    sopInstanceUid: image.sopInstanceUID,
    laterality: image.laterality,
    view: image.view,
  }));
  const { objects } = await finalObjects(finalSession({ studyInstanceUID: current.studyInstanceUID, ai: { ...ai, views } }), context);
  for (const object of objects) {
    // As another product's overlay might: the source's modality, side and view copied over.
    const overlay = { Modality: heatmapModality, ImageLaterality: object.dataset['Laterality'], ViewCodeSequence: [{ CodeValue: '399162004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'cranio-caudal' }] };
    const dataset = heatmapModality && object.role === 'heatmap' ? { ...object.dataset, ...overlay } : object.dataset;
    await archive.storeInstance(writePart10(dataset));
  }
  await archive.close();
  const heatmapUids = objects.filter((o) => o.role === 'heatmap').map((o) => String(o.dataset['SOPInstanceUID']));
  return { root, heatmapUids, mammoUids: context.images.map((i) => i.sopInstanceUID) };
}

async function reopenedAttributes(root: string, studyInstanceUID: string): Promise<ImageAttributes[]> {
  const archive = new LocalArchive(root);
  const headers = await archive.readHeaders(studyInstanceUID);
  await archive.close();
  return headers.map(imageAttributesFromDicomJson);
}

const hungUids = (hung: HungProtocol) => new Set(hung.stages.flatMap((s) => s.slots).flatMap((slot) => (slot.kind === 'image' ? [slot.image.sopInstanceUID] : [])));

describe('a reported study opened again', () => {
  it('hangs the mammograms and never the heatmap Secondary Captures, which carry their source\'s laterality', async () => {
    const { root, heatmapUids, mammoUids } = await reportedStudy();
    const images = await reopenedAttributes(root, current.studyInstanceUID);
    expect(heatmapUids).toHaveLength(4);
    const heatmaps = images.filter((i) => heatmapUids.includes(i.sopInstanceUID));
    expect(heatmaps).toHaveLength(4);
    for (const heatmap of heatmaps) {
      expect(heatmap.imageLaterality).toMatch(/^[RL]$/);
      expect(mammoUids).toContain(heatmap.sourceImageUIDs[0]);
      expect(whyNotHangable(heatmap)?.code).toBe('derived-overlay');
    }
    const protocol = chooseProtocol(images, [], builtInProtocols);
    expect(protocol.id).toBe('mammo-screening');
    const hung = hang(protocol, images, []);
    expect([...hungUids(hung)].sort()).toEqual([...mammoUids].sort());
    expect(hung.stages.map((s) => s.name)).not.toContain('Additional views');
    const fallback = builtInProtocols.find((p) => p.id === 'fallback-grid')!;
    expect([...hungUids(hang(fallback, images, []))].sort()).toEqual([...mammoUids].sort());
  });

  it('re-reads an archive indexed before it kept SourceImageSequence, so its heatmaps stay out too', async () => {
    const { root, heatmapUids } = await reportedStudy();
    const indexFile = path.join(root, current.studyInstanceUID, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8')) as { version: number; instances: { header: Record<string, unknown> }[] };
    index.version = 3;
    for (const record of index.instances) delete record.header[Tag.SourceImageSequence];
    await writeFile(indexFile, JSON.stringify(index));
    const images = await reopenedAttributes(root, current.studyInstanceUID);
    const heatmaps = images.filter((i) => heatmapUids.includes(i.sopInstanceUID));
    expect(heatmaps.map((h) => whyNotHangable(h)?.code)).toEqual(['derived-overlay', 'derived-overlay', 'derived-overlay', 'derived-overlay']);
  });
});

describe('the AI reads what the reader reads', () => {
  it('a pack for MG never reads an overlay derived from a mammogram, even one labelled MG', async () => {
    // Another product's overlays may carry the source's modality and view; Tandem's own say OT.
    const { root, mammoUids } = await reportedStudy('MG');
    const archive = new LocalArchive(root);
    try {
      const manifest = PackManifest.parse(JSON.parse(await readFile(path.resolve('models/packs/tandem-calcification-clusters/manifest.json'), 'utf8')));
      const images = await loadStudyImages(archive, current.studyInstanceUID, manifest);
      expect(images.map((i) => i.sopInstanceUid).sort()).toEqual([...mammoUids].sort());
    } finally {
      await archive.close();
    }
  });
});

describe('an ordinary Secondary Capture', () => {
  it('a scanned film (DERIVED\\SECONDARY, digitized film, no source image) hangs in the fallback grid', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-film-archive-'));
    const archive = new LocalArchive(root);
    const study = '1.2.826.0.1.3680043.8.498.20001';
    const context = {
      patient: { PatientName: 'Doe^Jane', PatientID: 'TANDEM-FILM-1', PatientBirthDate: '19600101', PatientSex: 'F' },
      study: { StudyInstanceUID: study, StudyDate: '20190301', StudyTime: '090000', AccessionNumber: 'FILM1', ReferringPhysicianName: '', StudyID: '1' },
      images: [],
    };
    const object = { seriesInstanceUID: `${study}.1`, sopInstanceUID: `${study}.1.1`, seriesNumber: 1, contentDateTime: new Date('2019-03-01T09:00:00Z') };
    const film = {
      ...commonModules(context, object, SOP_CLASS.secondaryCapture, 'OT'),
      ImageType: ['DERIVED', 'SECONDARY'],
      ConversionType: 'DF',
      PatientOrientation: '',
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: 64,
      Columns: 48,
      BitsAllocated: 8,
      BitsStored: 8,
      HighBit: 7,
      PixelRepresentation: 0,
      PixelData: new Uint8Array(64 * 48).fill(128).buffer,
      _vrMap: { PixelData: 'OB' },
    };
    await archive.storeInstance(writePart10(film));
    await archive.close();
    const images = await reopenedAttributes(root, study);
    expect(whyNotHangable(images[0]!)).toBeUndefined();
    const protocol = chooseProtocol(images, [], builtInProtocols);
    expect(protocol.id).toBe('fallback-grid');
    expect([...hungUids(hang(protocol, images, []))]).toEqual([object.sopInstanceUID]);
  });
});
