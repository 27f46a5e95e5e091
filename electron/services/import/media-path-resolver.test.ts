import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MediaPathResolver, normaliseMediaName } from './media-path-resolver';
import { removeTempDirs, tempDir } from './testing/temp-dirs';

afterAll(removeTempDirs);

describe('normaliseMediaName', () => {
  it('upper-cases and drops ISO 9660 version suffixes and trailing dots', () => {
    expect(normaliseMediaName('im000001')).toBe('IM000001');
    expect(normaliseMediaName('IM000001;1')).toBe('IM000001');
    expect(normaliseMediaName('dicomdir.')).toBe('DICOMDIR');
  });
});

describe('MediaPathResolver', () => {
  it('finds upper-case file IDs on a disc mounted lower-case, with version suffixes', async () => {
    const root = await tempDir('tandem-media-');
    await mkdir(path.join(root, 'dicom', 'st000001'), { recursive: true });
    await writeFile(path.join(root, 'dicom', 'st000001', 'im000001'), 'x');
    await writeFile(path.join(root, 'dicom', 'st000001', 'IM000002;1'), 'x');
    const resolver = new MediaPathResolver();
    expect(await resolver.resolve(root, ['DICOM', 'ST000001', 'IM000001'])).toBe(path.join(root, 'dicom', 'st000001', 'im000001'));
    expect(await resolver.resolve(root, ['DICOM', 'ST000001', 'IM000002'])).toBe(path.join(root, 'dicom', 'st000001', 'IM000002;1'));
    expect(await resolver.resolve(root, ['DICOM', 'ST000001', 'IM000003'])).toBeUndefined();
    expect(await resolver.resolve(root, ['NOFOLDER', 'IM000001'])).toBeUndefined();
  });

  it('prefers the exact name where a case-sensitive file system holds both', async () => {
    const root = await tempDir('tandem-media-');
    await writeFile(path.join(root, 'im1'), 'lower');
    await writeFile(path.join(root, 'IM1'), 'upper');
    expect(await new MediaPathResolver().resolve(root, ['IM1'])).toBe(path.join(root, 'IM1'));
  });

  it('never leaves the DICOMDIR folder', async () => {
    const root = await tempDir('tandem-media-');
    await mkdir(path.join(root, 'cd'));
    const resolver = new MediaPathResolver();
    expect(await resolver.resolve(path.join(root, 'cd'), ['..', 'cd'])).toBeUndefined();
    expect(await resolver.resolve(path.join(root, 'cd'), [])).toBeUndefined();
  });
});
