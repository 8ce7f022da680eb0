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

/** The 8-bit or legacy multibyte set assumed for IIM text that is neither declared nor valid UTF-8 (settings: iptcLegacyCharset). */
export type IimLegacyCharset = 'gb18030' | 'big5' | 'shift_jis' | 'windows-1252' | 'macintosh' | 'iso-8859-1';
let legacyCharset: IimLegacyCharset = 'gb18030';

/** Set from the desk's settings (api.ts) before photos are read. */
export function setIimLegacyCharset(cs: IimLegacyCharset): void {
  legacyCharset = cs;
}

export function iimLegacyCharsetFor(setting: IimLegacyCharset | 'auto', uiLanguage: string): IimLegacyCharset {
  if (setting !== 'auto') return setting;
  return uiLanguage === 'en' ? 'windows-1252' : 'gb18030';
}

/**
 * Text of a dataset. With 1:90 = UTF-8 the bytes are UTF-8. Without it, bytes that form valid
 * multi-byte UTF-8 are taken as UTF-8, as the Adobe XMP Toolkit does (IPTC_Manager::
 * GetDataSet_UTF8 checks ReconcileUtils::IsUTF8 first): legacy text almost never happens to be
 * valid UTF-8, and many phone apps omit 1:90. Anything else is decoded in the legacy charset
 * the desk is set to (GB 18030 by default for a Chinese desk: what Chinese Windows software
 * writes), falling back to Windows-1252, which maps 0x80–0x9F to printable characters as
 * exiftool does (Mac Roman é = 0x8E reads Ž, never a control character).
 */
export function decodeIimText(value: Buffer, utf8Declared: boolean, legacy: IimLegacyCharset = legacyCharset): string {
  const utf8 = decodeUtf8Strict(value);
  if (utf8 !== null) return utf8;
  if (utf8Declared) return value.toString('utf8');
  if (legacy !== 'windows-1252' && legacy !== 'iso-8859-1') {
    try {
      return new TextDecoder(legacy, { fatal: true }).decode(value);
    } catch {
      // Not valid in that set (Latin text on a Chinese desk): Windows-1252 below.
    }
  }
  return decodeWindows1252(value);
}

// Windows-1252's 0x80–0x9F (the five holes, 81 8D 8F 90 9D, kept as U+FFFD). Decoded here
// because Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, giving C1 controls.
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function decodeWindows1252(value: Buffer): string {
  let s = '';
  for (const b of value) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return s;
}

/**
 * True when the desk's legacy charset decides how this block reads: no UTF-8 1:90, and some
 * text dataset that is not valid UTF-8. Only such files read differently after the setting
 * changes (a caption the desk wrote always carries 1:90 = UTF-8).
 */
export function readsInLegacyCharset(datasets: readonly IimDataset[]): boolean {
  if (declaresUtf8(datasets)) return false;
  return datasets.some((d) => isTextDataset(d) && decodeUtf8Strict(d.value) === null);
}

/** Datasets that hold binary numbers or object data, never text (IIM 4.2 §1.6, §1.7). */
const BINARY = new Set(['1:0', '1:20', '1:22', '1:90', '1:120', '1:122', '2:0', '2:200', '2:201', '2:202']);

export function isTextDataset(d: IimDataset): boolean {
  return (d.record === 1 || d.record === 2) && !BINARY.has(`${d.record}:${d.dataset}`);
}
