import { readFile } from 'node:fs/promises';
import { parse, format } from 'node:path';
import { decodeXmpBytes } from './xmp/xmp-encoding';

// XMP sidecars for formats the desk does not write into (HEIF/AVIF and others): the Adobe
// convention, "<name>.xmp" beside "<name>.<ext>" (XMP Spec Part 3 §2.3), which Bridge,
// Lightroom, Capture One and Photo Mechanic read.

/**
 * Camera raw files are TIFF-like but belong to their maker's software; like Lightroom and
 * Bridge, the desk never writes into them and keeps their caption in the sidecar.
 */
const RAW = /\.(3fr|arw|cr2|cr3|crw|dcr|dng|erf|iiq|kdc|mef|mos|mrw|nef|nrw|orf|pef|raf|raw|rw2|rwl|sr2|srf|srw|x3f)$/iu;

export function isCameraRaw(file: string): boolean {
  return RAW.test(file);
}

export function sidecarPath(file: string): string {
  const p = parse(file);
  return format({ dir: p.dir, name: p.name, ext: '.xmp' });
}

export async function readSidecar(file: string): Promise<string | null> {
  try {
    return decodeXmpBytes(await readFile(sidecarPath(file)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
