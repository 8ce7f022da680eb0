import { decodeUtf8Strict } from '../text';

// IPTC-IIM 4.2 datasets (IPTC "Information Interchange Model" 4.2, §1.5): tag marker 0x1C,
// record, dataset number, 2-byte length (or, with the high bit set, an extended length of
// that many bytes), then the value.

export interface IimDataset {
  record: number;
  dataset: number;
  value: Buffer;
}

export function parseIim(buf: Buffer, warnings: string[]): IimDataset[] {
  const out: IimDataset[] = [];
  let pos = 0;
  while (pos + 5 <= buf.length) {
    if (buf[pos] !== 0x1c) {
      if (buf.subarray(pos).some((b) => b !== 0)) warnings.push(`IPTC: unexpected byte at ${pos}, rest ignored`);
      break;
    }
    const record = buf[pos + 1]!;
    const dataset = buf[pos + 2]!;
    let len = buf.readUInt16BE(pos + 3);
    let at = pos + 5;
    if (len & 0x8000) {
      const n = len & 0x7fff; // IIM §1.5.4: extended DataSet, n bytes of length follow
      if (n < 1 || n > 4 || at + n > buf.length) { warnings.push(`IPTC: bad extended length at ${pos}`); break; }
      len = buf.readUIntBE(at, n);
      at += n;
    }
    if (at + len > buf.length) { warnings.push(`IPTC: dataset ${record}:${dataset} is truncated`); break; }
    out.push({ record, dataset, value: buf.subarray(at, at + len) });
    pos = at + len;
  }
  return out;
}

export function serializeIim(datasets: readonly IimDataset[]): Buffer {
  const parts: Buffer[] = [];
  for (const d of datasets) {
    if (d.value.length < 0x8000) {
      const head = Buffer.from([0x1c, d.record, d.dataset, 0, 0]);
      head.writeUInt16BE(d.value.length, 3);
      parts.push(head, d.value);
    } else {
      const head = Buffer.from([0x1c, d.record, d.dataset, 0x80, 4, 0, 0, 0, 0]);
      head.writeUInt32BE(d.value.length, 5);
      parts.push(head, d.value);
    }
  }
  return Buffer.concat(parts);
}

/** 1:90 CodedCharacterSet "ESC % G" (ISO 2022 designation of UTF-8; also the "ESC % / G" level form). */
export const UTF8_DESIGNATION = Buffer.from([0x1b, 0x25, 0x47]);

export function declaresUtf8(datasets: readonly IimDataset[]): boolean {
  const cs = datasets.find((d) => d.record === 1 && d.dataset === 90)?.value;
  if (!cs) return false;
  return cs.equals(UTF8_DESIGNATION) || (cs.length === 4 && cs[0] === 0x1b && cs[1] === 0x25 && cs[2] === 0x2f && cs[3]! >= 0x47 && cs[3]! <= 0x49);
}

/**
 * Text of a dataset. With 1:90 = UTF-8 the bytes are UTF-8. Without it IIM defaults to an
 * 8-bit Latin set; but bytes that form valid multi-byte UTF-8 are taken as UTF-8, as the Adobe
 * XMP Toolkit does (IPTC_Manager::GetDataSet_UTF8 checks ReconcileUtils::IsUTF8 first):
 * Latin-1 text almost never happens to be valid UTF-8, and many phone apps omit 1:90.
 */
export function decodeIimText(value: Buffer, utf8Declared: boolean): string {
  const utf8 = decodeUtf8Strict(value);
  if (utf8 !== null) return utf8;
  return value.toString(utf8Declared ? 'utf8' : 'latin1');
}

/** Datasets that hold binary numbers or object data, never text (IIM 4.2 §1.6, §1.7). */
const BINARY = new Set(['1:0', '1:20', '1:22', '1:90', '1:120', '1:122', '2:0', '2:200', '2:201', '2:202']);

export function isTextDataset(d: IimDataset): boolean {
  return (d.record === 1 || d.record === 2) && !BINARY.has(`${d.record}:${d.dataset}`);
}
