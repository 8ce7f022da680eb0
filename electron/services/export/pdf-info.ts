// The PDF's document information (Title, Author, Creator), written after the engine has
// printed. Chromium's printToPDF takes no metadata: it puts the document's <title> in
// Title and its user agent in Creator. Both print engines (chromium-engine.ts and
// electron/main/print-engine-electron.ts) pass their PDF through setPdfInfo().
//
// The change is an incremental update (ISO 32000-1 §7.5.6): a new Info object, a new
// cross-reference section for it and a trailer pointing back (/Prev) at the old one are
// appended; not a byte of the printed file is changed or re-serialised. Readers take the
// last trailer, so they see the new Info; the old one stays in the file, unreferenced.

export interface PdfInfo {
  title: string;
  author?: string | undefined;
  /** The application that made the document ("Edition Desk 0.1.0"); Producer stays Skia's. */
  creator: string;
}

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

/** A PDF text string: literal when plain ASCII, else UTF-16BE with its byte-order mark (§7.9.2.2). */
export function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSS+00'00' in UTC (§7.9.4). */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

// A value in a dictionary: a literal string (escapes and balanced parentheses), a hex
// string, a reference, an array without nesting, or a name/number.
const VALUE = String.raw`(\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>|\d+\s+\d+\s+R|\[[^\]]*\]|[^\s/<>[\]()]+)`;
const entry = (dict: string, key: string): string | undefined => new RegExp(String.raw`/${key}\s*${VALUE}`).exec(dict)?.[1];

interface Trailer { size: number; root: string; info?: string | undefined; id?: string | undefined; prev: number; stream: boolean }

function fail(why: string): never {
  throw new Error(`PDF info: ${why}`);
}

/** The dictionary text starting at `from` ("<<" … matching ">>"). */
function dictAt(text: string, from: number): string {
  const start = text.indexOf('<<', from);
  if (start < 0) fail('no dictionary');
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    const two = text.slice(i, i + 2);
    if (text[i] === '(') { // skip a literal string: it may hold "<<" or ">>"
      let nest = 0;
      for (; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nest++;
        else if (text[i] === ')' && --nest === 0) break;
      }
    } else if (two === '<<') { depth++; i++; } else if (two === '>>') { depth--; i++; if (depth === 0) return text.slice(start, i + 1); }
  }
  return fail('unterminated dictionary');
}

function readTrailer(pdf: Uint8Array): Trailer {
  const tail = latin1(pdf, Math.max(0, pdf.length - 1024));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) fail('no startxref at the end');
  const prev = Number(m[1]);
  if (!(prev > 0 && prev < pdf.length)) fail('startxref out of range');
  const head = latin1(pdf, prev, Math.min(pdf.length, prev + 64));
  let dict: string;
  let stream: boolean;
  if (head.startsWith('xref')) {
    const t = latin1(pdf, prev);
    const at = t.indexOf('trailer');
    if (at < 0) fail('no trailer');
    dict = dictAt(t, at);
    stream = false;
  } else if (/^\d+\s+\d+\s+obj/.test(head)) {
    dict = dictAt(latin1(pdf, prev, Math.min(pdf.length, prev + 4096)), 0);
    if (!/\/Type\s*\/XRef/.test(dict)) fail('startxref points at an object that is not a cross-reference stream');
    stream = true;
  } else return fail('startxref points at neither a table nor a stream');
  const size = Number(entry(dict, 'Size'));
  const root = entry(dict, 'Root');
  if (!Number.isInteger(size) || size <= 0 || !root) fail('trailer lacks /Size or /Root');
  return { size, root, info: entry(dict, 'Info'), id: entry(dict, 'ID'), prev, stream };
}

/** The old Info dictionary, when it is a plain object in the file (not inside an object stream). */
function oldInfo(pdf: Uint8Array, ref: string | undefined): string {
  const m = ref && /^(\d+)\s+(\d+)\s+R$/.exec(ref);
  if (!m) return '';
  const text = latin1(pdf);
  // The last definition of an object number is the one in force after incremental updates.
  const re = new RegExp(String.raw`(?:^|[\r\n\s])${m[1]}\s+${m[2]}\s+obj\b`, 'g');
  let at = -1;
  for (let x = re.exec(text); x; x = re.exec(text)) at = x.index + x[0].length;
  if (at < 0) return '';
  try { return dictAt(text, at); } catch { return ''; }
}

/** The PDF with `info` as its document information, appended as an incremental update. */
export function setPdfInfo(pdf: Uint8Array, info: PdfInfo, now = new Date()): Uint8Array {
  if (latin1(pdf, 0, 5) !== '%PDF-') fail('not a PDF');
  const t = readTrailer(pdf);
  const old = oldInfo(pdf, t.info);
  const fields: string[] = [`/Title ${pdfString(info.title)}`];
  if (info.author) fields.push(`/Author ${pdfString(info.author)}`);
  fields.push(`/Creator ${pdfString(info.creator)}`);
  // What printed the file and when stay as the engine wrote them.
  for (const key of ['Producer', 'CreationDate']) {
    const v = entry(old, key);
    if (v) fields.push(`/${key} ${v}`);
  }
  fields.push(`/ModDate ${pdfString(pdfDate(now))}`);

  const n = t.size;
  const sep = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  const infoAt = pdf.length + sep.length;
  const infoObj = `${n} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
  const xrefAt = infoAt + Buffer.byteLength(infoObj, 'latin1');
  const trailerKeys = `/Root ${t.root}\n/Info ${n} 0 R\n/Prev ${t.prev}${t.id ? `\n/ID ${t.id}` : ''}`;
  let tail: Buffer;
  if (!t.stream) {
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, "n", space, LF.
    const text = `xref\n${n} 1\n${String(infoAt).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${n + 1}\n${trailerKeys}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    tail = Buffer.from(text, 'latin1');
  } else {
    // A file indexed by a cross-reference stream gets one too (§7.5.8.4): entries for the
    // new Info object and for the stream itself, uncompressed, type 1 with 4-byte offsets.
    if (xrefAt > 0xffffffff) fail('file too large for a 4-byte offset');
    const row = (off: number) => { const b = Buffer.alloc(7); b[0] = 1; b.writeUInt32BE(off, 1); return b; };
    const data = Buffer.concat([row(infoAt), row(xrefAt)]);
    const head = `${n + 1} 0 obj\n<</Type /XRef\n/Size ${n + 2}\n/Index [${n} 2]\n/W [1 4 2]\n${trailerKeys}\n/Length ${data.length}>>\nstream\n`;
    tail = Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
  }
  return new Uint8Array(Buffer.concat([pdf, Buffer.from(sep + infoObj, 'latin1'), tail]));
}
