import sharp from 'sharp';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Camera-style JPEGs for tests and the ingest-camera benchmark: a primary image with a
// 1,620 px preview behind it, indexed by a CIPA DC-007 Multi-Picture Format APP2 segment,
// the layout Canon, Nikon and Sony bodies write. exiftool reads the preview back as
// PreviewImage, so it is the referee that the structure is what a camera makes. (No raw
// or camera JPEG with a large preview whose licence allows tests could be had from the
// npm registry; the shared fixtures hold one small MPF file, HMD_Nokia_8.3_5G.jpg.)

function mpfSegment(primarySize: number, preview: { offset: number; size: number }): Buffer {
  const tiff = Buffer.alloc(82);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(0x2a, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(3, 8); // MP Index IFD: three entries
  const entry = (i: number, tag: number, type: number, count: number, value: (at: number) => void) => {
    const at = 10 + i * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    value(at + 8);
  };
  entry(0, 0xb000, 7, 4, (at) => tiff.write('0100', at, 'latin1')); // MPFVersion
  entry(1, 0xb001, 4, 1, (at) => tiff.writeUInt32BE(2, at)); // NumberOfImages
  entry(2, 0xb002, 7, 32, (at) => tiff.writeUInt32BE(50, at)); // MPEntry, at offset 50
  tiff.writeUInt32BE(0, 46); // no next IFD
  // MP entries (§5.2.3.3): attribute, size, offset from this TIFF header, two dependents.
  tiff.writeUInt32BE(0x20030000, 50); // representative baseline primary image
  tiff.writeUInt32BE(primarySize, 54);
  tiff.writeUInt32BE(0, 58);
  tiff.writeUInt32BE(0x00010001, 66); // large thumbnail (VGA equivalent)
  tiff.writeUInt32BE(preview.size, 70);
  tiff.writeUInt32BE(preview.offset, 74);
  const payload = Buffer.concat([Buffer.from('MPF\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe2, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Offset just past SOI and any APP0/APP1 segments: where a camera puts its APP2. */
function afterApp1(jpeg: Buffer): number {
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && (jpeg[pos + 1] === 0xe0 || jpeg[pos + 1] === 0xe1)) pos += 2 + jpeg.readUInt16BE(pos + 2);
  return pos;
}

/** `primary` with `preview` appended and indexed by an MPF segment after its EXIF. */
export function withMpfPreview(primary: Buffer, preview: Buffer): Buffer {
  const at = afterApp1(primary);
  const segLen = mpfSegment(0, { offset: 0, size: 0 }).length;
  const primarySize = primary.length + segLen;
  // Offsets count from the MPF segment's TIFF header: 4 (marker, length) + 4 ("MPF\0") past its start.
  const tiffStart = at + 8;
  const seg = mpfSegment(primarySize, { offset: primarySize - tiffStart, size: preview.length });
  return Buffer.concat([primary.subarray(0, at), seg, primary.subarray(at), preview]);
}

/**
 * A camera-style JPEG of `width`×`height` from `source`: EXIF with the given orientation and
 * make/model, and a 1620 px MPF preview of the same pixels, stored unrotated like the primary.
 */
export async function cameraJpeg(source: string | Buffer, opts: { width: number; height: number; orientation?: number; tint?: number; quality?: number }): Promise<Buffer> {
  const base = sharp(source).resize(opts.width, opts.height, { fit: 'cover' }).modulate({ brightness: 1 + (opts.tint ?? 0) * 0.01 });
  const pixels = await base.raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } };
  const primary = await sharp(pixels.data, raw)
    .jpeg({ quality: opts.quality ?? 90 })
    .withExif({ IFD0: { Make: 'Bench', Model: 'MPF camera' } })
    .withMetadata({ orientation: opts.orientation ?? 1 })
    .toBuffer();
  const long = 1620;
  const preview = await sharp(pixels.data, raw)
    .resize(opts.width >= opts.height ? long : Math.round((long * opts.width) / opts.height))
    .jpeg({ quality: 85 })
    .toBuffer();
  return withMpfPreview(primary, preview);
}

/**
 * `count` distinct camera files written into `dir` as IMG_<first + i>.JPG, each from one of
 * the sample edition's photos (in turn) at `width`×`height`, tinted by its index so no two
 * match; `orientation(i)` gives a file its EXIF orientation (1 when left out).
 */
export async function cameraFiles(dir: string, count: number,
  opts: { first: number; width: number; height: number; orientation?: (i: number) => number }): Promise<string[]> {
  const photos = join(import.meta.dirname, '..', '..', 'resources', 'sample', 'photos');
  const src = readdirSync(photos).filter((f) => f.endsWith('.jpg')).sort();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `IMG_${opts.first + i}.JPG`);
    writeFileSync(file, await cameraJpeg(join(photos, src[i % src.length]!), {
      width: opts.width, height: opts.height, orientation: opts.orientation?.(i) ?? 1, tint: i,
    }));
    files.push(file);
  }
  return files;
}
