import { createHash } from 'node:crypto';

// Photoshop image resource blocks (Adobe "Photoshop File Formats Specification", Image
// Resources section): signature "8BIM", 2-byte id, even-padded Pascal name, 4-byte size,
// even-padded data. JPEG carries them in APP13 "Photoshop 3.0", TIFF in tag 34377.

export const RES_IPTC = 0x0404;
/** MD5 of the IPTC-IIM block, written by MWG-aware tools (MWG 2.0 §4.2.2, "IPTCDigest"). */
export const RES_IPTC_DIGEST = 0x0425;

export interface ImageResource {
  signature: string;
  id: number;
  /** The Pascal name with its length byte and padding, kept as it was. */
  name: Buffer;
  data: Buffer;
}

export function parseIrb(buf: Buffer, warnings: string[]): ImageResource[] {
  const out: ImageResource[] = [];
  let pos = 0;
  while (pos + 12 <= buf.length) {
    const signature = buf.toString('latin1', pos, pos + 4);
    if (!/^(8BIM|MeSa|PHUT|AgHg|DCSR)$/u.test(signature)) {
      // Trailing zero padding is common; anything else is damage worth a note.
      if (buf.subarray(pos).some((b) => b !== 0)) warnings.push(`Photoshop resources: unexpected bytes at ${pos}, rest ignored`);
      break;
    }
    const id = buf.readUInt16BE(pos + 4);
    const nameLen = buf[pos + 6]!;
    const nameSize = (nameLen + 2) & ~1; // length byte + name, padded to even
    const sizeAt = pos + 6 + nameSize;
    if (sizeAt + 4 > buf.length) { warnings.push('Photoshop resources: truncated header'); break; }
    const size = buf.readUInt32BE(sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > buf.length) { warnings.push(`Photoshop resource 0x${id.toString(16)} is truncated`); break; }
    out.push({ signature, id, name: buf.subarray(pos + 6, sizeAt), data: buf.subarray(dataAt, dataAt + size) });
    pos = dataAt + size + (size & 1);
  }
  return out;
}

export function serializeIrb(resources: readonly ImageResource[]): Buffer {
  const parts: Buffer[] = [];
  for (const r of resources) {
    const head = Buffer.alloc(6);
    head.write(r.signature, 0, 'latin1');
    head.writeUInt16BE(r.id, 4);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(r.data.length);
    parts.push(head, r.name, size, r.data);
    if (r.data.length & 1) parts.push(Buffer.alloc(1));
  }
  return Buffer.concat(parts);
}

export function iimDigest(iim: Buffer): Buffer {
  return createHash('md5').update(iim).digest();
}

const EMPTY_NAME = Buffer.from([0, 0]);

/** Sets (or adds) a resource, keeping its place and name when it already exists. */
export function setResource(resources: ImageResource[], id: number, data: Buffer): ImageResource[] {
  const i = resources.findIndex((r) => r.signature === '8BIM' && r.id === id);
  if (i >= 0) return resources.map((r, j) => (j === i ? { ...r, data } : r));
  return [...resources, { signature: '8BIM', id, name: EMPTY_NAME, data }];
}
