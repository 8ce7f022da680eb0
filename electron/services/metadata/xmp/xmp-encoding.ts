// The bytes of an XMP packet as text. XMP allows UTF-8, UTF-16 and UTF-32, either byte order
// (XMP Spec Part 1 §7.1); the packet says which by a byte-order mark or, without one, by where
// the NULs fall around its first '<'. exiftool's own test images carry UTF-16 packets; read as
// UTF-8 they lost every field ("XMP has no root element"). The desk always writes UTF-8, so a
// packet read here and written back is rewritten as UTF-8.

export type XmpEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export function xmpEncoding(b: Uint8Array): XmpEncoding {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'utf-32le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  // No BOM: '<' (0x3C) with its NULs.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return 'utf-32be';
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return 'utf-32le';
  if (b0 === 0x00 && b1 === 0x3c) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0x00) return 'utf-16le';
  return 'utf-8';
}

export function decodeXmpBytes(b: Uint8Array): string {
  const enc = xmpEncoding(b);
  if (enc === 'utf-32le' || enc === 'utf-32be') return decodeUtf32(b, enc === 'utf-32le');
  // TextDecoder drops a BOM of its own encoding; an unpaired byte or surrogate becomes U+FFFD.
  return new TextDecoder(enc).decode(b);
}

/** TextDecoder has no UTF-32. */
function decodeUtf32(b: Uint8Array, little: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let s = '';
  for (let i = 0; i + 4 <= b.byteLength; i += 4) {
    const cp = view.getUint32(i, little);
    if (i === 0 && cp === 0xfeff) continue;
    s += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}
