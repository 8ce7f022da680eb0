import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCscModel, type CscModel } from '../../../shared/proof/csc/model';
import type { ProofDocument } from '../../../shared/proof/types';
import { findResourcesDir } from '../paths';

// The 错别字 tables (issue 14), resources/csc/csc-model.txt as scripts/csc-model.mjs builds
// it. Read once and only when some Chinese copy is proofread: parsing the ~170,000 words
// costs more than proofreading a page, and an English-only check never needs them.

export const CSC_MODEL_FILE = join('csc', 'csc-model.txt');

let file: string | null = null;
let text: Promise<string> | null = null;
let model: Promise<CscModel | null> | null = null;

/** Where the tables are read from (tests, a packaged app); default resources/ above this code. */
export function setCscModelFile(path: string): void {
  file = path;
  text = null;
  model = null;
}

function modelFile(): string {
  file ??= join(findResourcesDir(dirname(fileURLToPath(import.meta.url))), CSC_MODEL_FILE);
  return file;
}

/** The tables as text (for the editor, which parses them itself). */
export function readCscModelText(): Promise<string> {
  text ??= readFile(modelFile(), 'utf8');
  return text;
}

/** The parsed tables, or null when the file is missing (no typo rule rather than no proofreading). */
export function loadCscModel(): Promise<CscModel | null> {
  model ??= readCscModelText().then(parseCscModel, () => null);
  return model;
}

export const needsCsc = (docs: readonly ProofDocument[]): boolean =>
  docs.some((d) => d.segments.some((s) => s.lang === 'zh' && /\p{Script=Han}{2}/u.test(s.text)));
