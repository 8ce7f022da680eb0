import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCopy } from '../../electron/services/copy/story-copy';
import { AppError } from '../../shared/contract/errors';
import { exportText } from '../../shared/story/text-export';
import { REPO_ROOT } from '../support/shared-fixtures';

// The external corpus (tests/corpus/docx, sources in tests/corpus/SOURCES.md): every .docx
// from mammoth.js's, python-docx's and docx4j's test data imports without a crash and keeps
// at least 95 % of the characters that mammoth, an independent reader, extracts (text boxes
// included). Characters are compared as multisets with white space left out, so paragraph
// breaks and the order of a text box after its anchor do not count.

const require = createRequire(import.meta.url);
const mammoth = require('mammoth') as { extractRawText(o: { buffer: Buffer }): Promise<{ value: string }> };
const DIR = join(REPO_ROOT, 'tests', 'corpus', 'docx');
const FILES = readdirSync(DIR).flatMap((d) => readdirSync(join(DIR, d)).filter((f) => f.endsWith('.docx')).map((f) => `${d}/${f}`)).sort();
const MIN_KEPT = 0.95;

/** Files allowed under MIN_KEPT, each with the reason; the test fails if one of them stops falling short. */
const SHORT: Record<string, string> = {
  'docx4j/textbox_alternates_contrived.docx':
    'a contrived mc:AlternateContent whose Choice ("A text box") and Fallback ("v:textbox") differ: we take the Choice, as Word does; mammoth always takes the Fallback',
};

function counts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s.replace(/\s+/gu, '')) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** How many of the reference's characters ours has (multiset), and a sample of the missing ones. */
function kept(ours: string, reference: string): { ratio: number; line: string } {
  const a = counts(ours);
  let total = 0;
  let have = 0;
  let missing = '';
  for (const [c, n] of counts(reference)) {
    const got = Math.min(n, a.get(c) ?? 0);
    total += n;
    have += got;
    if (got < n && missing.length < 40) missing += c.repeat(Math.min(3, n - got));
  }
  const ratio = total ? have / total : 1;
  return { ratio, line: `${have}/${total} (${(ratio * 100).toFixed(1)} %), missing e.g. ${JSON.stringify(missing)}` };
}

describe('the .docx corpus against mammoth', () => {
  it(`${FILES.length} files import without a crash and keep ≥ ${MIN_KEPT * 100} % of mammoth's characters`, async () => {
    expect(FILES.length).toBeGreaterThanOrEqual(150);
    const short: string[] = [];
    const refused: string[] = [];
    for (const f of FILES) {
      const bytes = readFileSync(join(DIR, f));
      const reference = (await mammoth.extractRawText({ buffer: bytes })).value;
      let ours = '';
      try {
        const story = importCopy(f, bytes);
        ours = exportText(story.state, story.lang);
      } catch (e) {
        // A typed refusal is not a crash, and only an empty file may be refused.
        if (!(e instanceof AppError)) throw new Error(`${f}: ${String(e)}`);
        refused.push(`${f}: ${e.code}`);
        expect(e.code, f).toBe('IMPORT_EMPTY');
        expect(reference.trim(), `${f} was refused as empty but mammoth reads text`).toBe('');
        continue;
      }
      const { ratio, line } = kept(ours, reference);
      if (ratio < MIN_KEPT) short.push(`${f}: ${line}${SHORT[f] ? ` — allowed: ${SHORT[f]}` : ' — NOT ALLOWED'}`);
    }
    console.log([`docx corpus: ${FILES.length} files, ${refused.length} refused as empty, ${short.length} under ${MIN_KEPT * 100} %`, ...refused, ...short].join('\n'));
    expect(short.filter((l) => l.endsWith('NOT ALLOWED'))).toEqual([]);
    expect(short.map((l) => l.slice(0, l.indexOf(':'))).sort()).toEqual(Object.keys(SHORT).sort());
  }, 60_000);

  it('text boxes: mammoth\'s text-box.docx, docx4j\'s wps and VML boxes come in as their own paragraphs', () => {
    const text = (f: string) => exportText(importCopy(f, readFileSync(join(DIR, f))).state, 'en');
    expect(text('mammoth/text-box.docx')).toContain('Datum plane');
    expect(text('docx4j/DrawingML_GraphicData_wps.docx')).toMatch(/Milk glass[^]*Funky chicken/);
    expect(text('docx4j/textbox.docx')).toContain('v:textbox/w:txbxContent');
    expect(text('docx4j/textbox_alternates_contrived.docx')).toContain('A text box');
    expect(text('docx4j/textbox_alternates_contrived.docx')).not.toContain('v:textbox');
  });

  it('rows and cells inside content controls (repeating sections) are read', () => {
    const text = exportText(importCopy('invoice.docx', readFileSync(join(DIR, 'docx4j/invoice.docx'))).state, 'en');
    expect(text.split('\n\n')).toEqual(expect.arrayContaining(['apples', '$20']));
  });
});
