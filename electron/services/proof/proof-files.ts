import { readFile, stat } from './read-file';
import { extname, join, relative } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import { columnOf, proofDocuments, proofEdition, sourceLines, stateSegments, storyDocId, storyDocuments, type Finding, type ProofDocument, type ProofOptions } from '../../../shared/proof';
import { isMostlyLatin } from '../../../shared/story/source-blocks';
import { exportText } from '../../../shared/story/text-export';
import { loadSpeller } from './speller';
import { loadCscModel, needsCsc } from './csc-model';

// Proofreading of files for the CLI (and later batch checks): a .md/.txt file line by line,
// a .docx paragraph by paragraph, an edition story by story. Each finding comes back with
// the place to print: file, line (paragraph / block number for .docx and stories), column.

export interface PlacedFinding {
  finding: Finding;
  file: string;
  line: number;
  col: number;
}

function decode(bytes: Uint8Array, file: string): string {
  for (const enc of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      // next encoding
    }
  }
  throw appError('INVALID_ARGUMENT', `${file}: not UTF-8 or GB18030 text`);
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw appError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO_ERROR', file);
  }
}

/**
 * Options with the speller loaded only when some English copy has a word it would check:
 * building nspell's en_US tables costs more than proofreading a whole Chinese page.
 */
export async function withSpeller(docs: readonly ProofDocument[], options: ProofOptions): Promise<ProofOptions> {
  let out = options;
  const needs = docs.some((d) => d.segments.some((s) => s.lang === 'en' && /\b[a-z]{3,}/.test(s.text)));
  if (options.speller === undefined && needs) out = { ...out, speller: await loadSpeller() };
  // The 错别字 tables likewise only for Chinese copy (issue 14).
  if (options.csc === undefined && options.typoLevel !== 'off' && needsCsc(docs)) out = { ...out, csc: await loadCscModel() };
  return out;
}

export async function proofPath(path: string, options: ProofOptions, shownAs = path): Promise<PlacedFinding[]> {
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw appError('NOT_FOUND', path);
  }
  if (isDir) return proofEditionDir(path, options, shownAs);
  const ext = extname(path).toLowerCase();
  const bytes = await readBytes(path);
  if (ext === '.docx') {
    // Loaded for the kind of input at hand (issue 15): a .md or .txt check does not pay
    // for the docx reader or the edition schemas at start-up.
    const { readDocx } = await import('../copy/docx-read');
    const story = readDocx(bytes);
    const lang = isMostlyLatin(exportText(story.state)) ? 'en' : 'zh';
    const doc = { id: shownAs, segments: stateSegments(story.state, lang) };
    return proofDocuments([doc], await withSpeller([doc], options)).map((f) => ({ finding: f, file: shownAs, line: blockLine(f.segmentId), col: f.start + 1 }));
  }
  if (ext !== '.md' && ext !== '.markdown' && ext !== '.txt' && ext !== '.text') {
    throw appError('INVALID_ARGUMENT', `${path}: proof reads .md, .txt, .docx or an edition folder`);
  }
  const lines = sourceLines(decode(bytes, path), ext.startsWith('.m'));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const doc = { id: shownAs, segments: lines };
  return proofDocuments([doc], await withSpeller([doc], options)).map((f) => {
    const l = byId.get(f.segmentId)!;
    return { finding: f, file: shownAs, line: l.line, col: columnOf(l, f.start) };
  });
}

/** Block index "3" or list item "3.1" → 1-based block number. */
const blockLine = (segmentId: string) => Number(segmentId.split('.')[0]) + 1 || 1;

async function proofEditionDir(dir: string, options: ProofOptions, shownAs: string): Promise<PlacedFinding[]> {
  const { listStoryIds, readEdition, readPages, readStory } = await import('../edition-store');
  const edition = await readEdition(dir);
  const pages = await readPages(dir, edition);
  const stories = await Promise.all((await listStoryIds(dir)).map((id) => readStory(dir, id)));
  const fileOf = new Map(stories.flatMap((s) => (['zh', 'en'] as const).map((l) => [storyDocId(s.id, l), join(shownAs, 'stories', `${s.id}.json`) + (l === 'en' ? '#en' : '')])));
  // The edition's house style (issue 14): stacked ！！ flagged unless it says no; its 错别字 level.
  // Read inline: house-style.ts would load zod into the CLI's proof path.
  const house = { flagStackedMarks: edition.houseStyle?.flagStackedMarks !== false, ...options, typoLevel: options.typoLevel ?? edition.houseStyle?.typoCheck ?? 'normal' };
  return proofEdition({ edition, pages, stories }, await withSpeller(storyDocuments(stories), house)).map((f) => ({
    finding: f,
    file: fileOf.get(f.docId) ?? join(shownAs, relative(dir, join(dir, 'edition.json'))),
    line: f.docId.startsWith('photo:') ? 1 : blockLine(f.segmentId),
    col: f.start + 1,
  }));
}
