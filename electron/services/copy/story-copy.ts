import { extname, basename } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import type { SerializedEditorState } from '../../../shared/document/lexical-state';
import { importMarkdown } from '../../../shared/story/markdown-import';
import { exportMarkdown, type CopyLang } from '../../../shared/story/markdown-export';
import { isMostlyLatin } from '../../../shared/story/source-blocks';
import type { ImportedStory, PairIdGenerator } from '../../../shared/story/story-structure';
import { exportText } from '../../../shared/story/text-export';
import { readStory } from '../edition-store';
import { readDocx } from './docx-read';
import { writeDocx } from './docx-write';
import { BUDGET, checkStorySize, tooLarge } from './import-budget';

// Copy in and out of an edition: a writer's .docx or .md becomes story state (written as
// a new story by stories/story-list.ts, which checks for twins first); a story goes out as
// .md, .txt or .docx. The API channels story:import/story:export and the CLI verbs
// import/story both call these.

export type CopyFormat = 'md' | 'txt' | 'docx';
export const COPY_MIME: Record<CopyFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
/** Copy files are small; anything this large is not a story. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const TEXT_EXT = new Set(['.md', '.markdown', '.txt', '.text']);

/** Text files from Chinese Windows are often GB18030, not UTF-8. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  for (const enc of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  throw appError('INVALID_ARGUMENT', `${fileName}: not UTF-8 or GB18030 text`);
}

/** Before parsing: text too long, or too many lines, to be one story (import-budget.ts). */
function checkTextBudget(text: string, fileName: string): string {
  if (text.length > BUDGET.chars * 2) throw tooLarge(`${fileName}: ${text.length} characters (at most ${BUDGET.chars} per story)`);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > BUDGET.blocks * 4) throw tooLarge(`${fileName}: ${lines} lines (at most ${BUDGET.blocks} blocks per story)`);
  return text;
}

const looksLikeText = (bytes: Uint8Array) => !bytes.subarray(0, 4096).includes(0);

/** A file's bytes → story state; the format comes from the extension, else the content. */
export function importCopy(fileName: string, bytes: Uint8Array, newPairId?: PairIdGenerator): ImportedStory & { lang: CopyLang } {
  if (bytes.byteLength === 0) throw appError('FILE_EMPTY', fileName);
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw appError('FILE_TOO_LARGE', `${fileName}: ${bytes.byteLength} bytes`);
  const ext = extname(fileName).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOldDoc = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  let story: ImportedStory;
  // The docx reader also names the old binary .doc, so the writer knows to re-save it.
  if (ext === '.docx' || ext === '.doc' || (!TEXT_EXT.has(ext) && (isZip || isOldDoc))) story = readDocx(bytes, newPairId);
  else if (TEXT_EXT.has(ext) || looksLikeText(bytes)) story = importMarkdown(checkTextBudget(decodeText(bytes, fileName), fileName), newPairId);
  else throw appError('DOCX_UNREADABLE', `${fileName}: not a .docx, .md or .txt file`);
  const plain = exportText(story.state);
  checkStorySize(story.state.root.children.length, plain.length, fileName);
  const lang: CopyLang = isMostlyLatin(plain) ? 'en' : 'zh';
  const title = story.title || basename(fileName, extname(fileName)).slice(0, 200);
  return { ...story, title, lang };
}

export async function renderCopy(state: SerializedEditorState, format: CopyFormat, lang: CopyLang, title: string): Promise<Uint8Array<ArrayBuffer>> {
  if (format === 'docx') return new Uint8Array(await writeDocx(state, { lang, title }));
  return new TextEncoder().encode(format === 'md' ? exportMarkdown(state, lang) : exportText(state, lang));
}

/** A file name for the download: the title without characters file systems refuse. */
export function exportFileName(title: string, storyId: string, format: CopyFormat, lang: CopyLang): string {
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80).trim();
  return `${safe || storyId}${lang === 'en' ? '.en' : ''}.${format}`;
}

/**
 * One language version of a story as a file. `auto` (the CLI without --lang) takes the
 * Chinese version, or the English one when the story has only that (an English-only .docx
 * imports as the English version); `lang` says which went out.
 */
export async function exportStory(dir: string, storyId: string, format: CopyFormat, want: CopyLang | 'auto'): Promise<{ fileName: string; mime: string; lang: CopyLang; bytes: Uint8Array<ArrayBuffer> }> {
  const story = await readStory(dir, storyId);
  const lang: CopyLang = want !== 'auto' ? want : story.zh || !story.en ? 'zh' : 'en';
  const state = story[lang];
  if (!state) throw appError('NOT_FOUND', want === 'auto' ? `${storyId}: no version yet, Chinese or English` : `${storyId}: no ${lang === 'zh' ? 'Chinese' : 'English'} version yet`);
  return {
    fileName: exportFileName(story.title, storyId, format, lang),
    mime: COPY_MIME[format],
    lang,
    bytes: await renderCopy(state as SerializedEditorState, format, lang, story.title),
  };
}
