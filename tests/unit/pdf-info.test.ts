import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfString, setPdfInfo } from '../../electron/services/export/pdf-info';
import { cleanupTemp, tempDir } from './helpers';

// The PDF's Info written as an incremental update, refereed by poppler's pdfinfo and
// pdftotext (which share nothing with the writer). The inputs are small PDFs built here
// by hand: one indexed by a classic xref table (what Chromium's Skia writes), one by a
// cross-reference stream (PDF 1.5), both with a Skia-like Info the update must keep.

const OLD_INFO = "<</Title (Edition Desk print)\n/Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261130204928+00'00')>>";
const OBJECTS = [
  OLD_INFO,
  '<</Type /Catalog /Pages 3 0 R>>',
  '<</Type /Pages /Kids [4 0 R] /Count 1>>',
  '<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 100] /Contents 5 0 R /Resources <</Font <</F1 6 0 R>>>>>>',
  null, // the content stream
  '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
];
const CONTENT = 'BT /F1 12 Tf 20 50 Td (Hello page) Tj ET';

function buildPdf(kind: 'table' | 'stream'): Buffer {
  let out = `%PDF-1.${kind === 'table' ? 4 : 5}\n%\xe2\xe3\xcf\xd3\n`;
  const offsets: number[] = [];
  OBJECTS.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += o === null ? `${i + 1} 0 obj\n<</Length ${CONTENT.length}>>stream\n${CONTENT}\nendstream\nendobj\n` : `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  const size = OBJECTS.length + 1;
  if (kind === 'table') {
    out += `xref\n0 ${size}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<</Size ${size} /Root 2 0 R /Info 1 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
  // Object `size` is the xref stream itself.
  const rows = [Buffer.from([0, 0, 0, 0, 0, 0xff, 0xff]), ...[...offsets, xrefAt].map((o) => { const b = Buffer.alloc(7); b[0] = 1; b.writeUInt32BE(o, 1); return b; })];
  const data = Buffer.concat(rows);
  const head = `${size} 0 obj\n<</Type /XRef /Size ${size + 1} /W [1 4 2] /Root 2 0 R /Info 1 0 R /Length ${data.length}>>stream\n`;
  return Buffer.concat([Buffer.from(out + head, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
}

function poppler(cmd: string, file: string): string {
  const r = spawnSync(cmd, cmd === 'pdftotext' ? [file, '-'] : ['-isodates', file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  // poppler reports a broken xref or trailer on stderr and then reconstructs; none is wanted.
  expect(r.stderr).toBe('');
  return r.stdout;
}
const field = (info: string, key: string) => new RegExp(`^${key}:\\s+(.*)$`, 'm').exec(info)?.[1];

let dir: string;
beforeAll(async () => { dir = await tempDir('pdfinfo'); });
afterAll(cleanupTemp);

describe('setPdfInfo', () => {
  for (const kind of ['table', 'stream'] as const) {
    it(`writes Title, Author and Creator, keeps Producer, pages and text (${kind} cross-reference)`, () => {
      const original = buildPdf(kind);
      const before = join(dir, `${kind}-0.pdf`);
      writeFileSync(before, original);
      expect(field(poppler('pdfinfo', before), 'Title')).toBe('Edition Desk print');

      const out = setPdfInfo(original, { title: '沁源两会特刊（示例） 第1–2版', author: '高琪', creator: 'Edition Desk 0.1.0' }, new Date(Date.UTC(2026, 2, 5, 8, 30, 0)));
      // An incremental update: every byte of the printed file is still there, in place.
      expect(Buffer.from(out.subarray(0, original.length)).equals(original)).toBe(true);
      const after = join(dir, `${kind}-1.pdf`);
      writeFileSync(after, out);
      const info = poppler('pdfinfo', after);
      expect(field(info, 'Title')).toBe('沁源两会特刊（示例） 第1–2版');
      expect(field(info, 'Author')).toBe('高琪');
      expect(field(info, 'Creator')).toBe('Edition Desk 0.1.0');
      expect(field(info, 'Producer')).toBe('Skia/PDF m156');
      expect(field(info, 'CreationDate')).toBe('2026-11-30T20:49:28Z');
      expect(field(info, 'ModDate')).toBe('2026-03-05T08:30:00Z');
      expect(field(info, 'Pages')).toBe('1');
      expect(poppler('pdftotext', after)).toContain('Hello page');

      // A second update stacks on the first (its /Prev is the first update's xref).
      const again = join(dir, `${kind}-2.pdf`);
      writeFileSync(again, setPdfInfo(out, { title: 'Plain (ASCII) title', creator: 'Edition Desk 0.1.0' }));
      const info2 = poppler('pdfinfo', again);
      expect(field(info2, 'Title')).toBe('Plain (ASCII) title');
      expect(field(info2, 'Author')).toBeUndefined();
      expect(field(info2, 'Producer')).toBe('Skia/PDF m156');
    });
  }

  it('refuses what is not a PDF or has no trailer at its end', () => {
    expect(() => setPdfInfo(Buffer.from('hello'), { title: 't', creator: 'c' })).toThrow(/not a PDF/);
    expect(() => setPdfInfo(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), { title: 't', creator: 'c' })).toThrow(/startxref/);
  });

  it('encodes text strings: ASCII literal with escapes, anything else UTF-16BE with a BOM', () => {
    expect(pdfString('a (b) \\c')).toBe('(a \\(b\\) \\\\c)');
    expect(pdfString('版')).toBe('<FEFF7248>');
    expect(pdfString('𠀀')).toBe('<FEFFD840DC00>');
  });
});
