import { appendIfd0, entryData, parseTiff, TAG_IPTC, TAG_PHOTOSHOP, TAG_XMP, tiffMetadata, TYPE_BYTE, TYPE_LONG, TYPE_UNDEFINED, type NewEntry } from '../containers/tiff';
import { rewriteIim, rewriteIrb, updateIrb } from '../iptc/iptc-rewrite';
import { mergeXmp } from '../xmp/xmp-write';
import { exifDigestOf, type WriteInput } from './caption-input';

// TIFF: the XMP goes into tag 700 of a new IFD0 appended to the file (containers/tiff.ts);
// IIM in tag 33723 and the Photoshop resources in tag 34377 are rewritten when present.
// Strips, tiles and every other IFD stay where they are.

export async function writeTiff(buf: Buffer, input: WriteInput): Promise<Buffer> {
  const layout = parseTiff(buf);
  const m = tiffMetadata(buf, layout);
  const caption = { ...input, exifDigest: await exifDigestOf(buf) };
  const typeOf = (tag: number) => layout.entries.find((e) => e.tag === tag)?.type;

  // Photoshop and ExifTool store tag 33723 as LONGs, so the IIM is padded to 4 bytes there;
  // the digest covers the bytes as stored.
  let iim = m.iim ? rewriteIim(m.iim, input) : null;
  if (iim && typeOf(TAG_IPTC) === TYPE_LONG && iim.length % 4) iim = Buffer.concat([iim, Buffer.alloc(4 - (iim.length % 4))]);
  const irb = !m.irb ? null : m.iim ? (iim ? updateIrb(m.irb, iim) : null) : (rewriteIrb(m.irb, input)?.irb ?? null);
  const iimChanged = !!(m.iim && iim && !iim.equals(m.iim));
  const irbChanged = !!(m.irb && irb && !irb.equals(m.irb));

  // XMP Spec Part 1 §7.3.2: a packet that fits in the old one's space (padding included) is
  // written in place, so repeated edits neither move anything nor grow the file.
  const xmpEntry = layout.entries.find((e) => e.tag === TAG_XMP);
  const old = xmpEntry ? entryData(buf, layout, xmpEntry) : null;
  if (old && old.length > 4 && !iimChanged && !irbChanged) {
    const packet = mergeXmp(m.xmp[0] ?? null, caption, { embedded: true, exactBytes: old.length });
    if (packet.length === old.length) {
      const out = Buffer.from(buf);
      packet.copy(out, old.byteOffset - buf.byteOffset);
      return out;
    }
  }

  const changes: NewEntry[] = [{ tag: TAG_XMP, type: TYPE_BYTE, data: mergeXmp(m.xmp[0] ?? null, caption, { embedded: true }) }];
  if (iimChanged) changes.push({ tag: TAG_IPTC, type: typeOf(TAG_IPTC) === TYPE_LONG ? TYPE_LONG : TYPE_UNDEFINED, data: iim! });
  if (irbChanged) changes.push({ tag: TAG_PHOTOSHOP, type: typeOf(TAG_PHOTOSHOP) === TYPE_BYTE ? TYPE_BYTE : TYPE_UNDEFINED, data: irb! });
  return appendIfd0(buf, layout, changes);
}
