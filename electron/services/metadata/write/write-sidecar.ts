import { writeFileAtomic } from '../../atomic-write';
import { extractEmbedded } from '../embedded';
import { readSidecar, sidecarPath } from '../sidecar';
import { mergeXmp } from '../xmp/xmp-write';
import { exifDigestOf, type WriteInput } from './caption-input';

// Formats the desk does not rewrite (HEIF/AVIF, GIF, camera raw, …) get an XMP sidecar. It
// starts from the sidecar already there, else from the XMP inside the file, so nothing is
// lost; the EXIF digest comes from the same blocks readFileMeta looks at.

export async function writeSidecar(file: string, buf: Buffer, input: WriteInput): Promise<string> {
  const embedded = await extractEmbedded(buf, []);
  const base = (await readSidecar(file)) ?? embedded.xmp;
  const packet = mergeXmp(base, { ...input, exifDigest: await exifDigestOf(embedded.exif) }, { embedded: false });
  const target = sidecarPath(file);
  await writeFileAtomic(target, packet);
  return target;
}
