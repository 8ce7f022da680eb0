import { readFile } from './read-file';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCscModel, type CscModel } from '../../../shared/proof/csc/model';
import type { ProofDocument } from '../../../shared/proof/types';
import { findResourcesDir } from '../paths';

// The 错别字 tables (issue 14), resources/csc/csc-model.bin as scripts/csc-model.mjs builds
// it. Read once and only when some Chinese copy is proofread: one read into typed arrays,
// and the word tables built from them, which an English-only check never needs.

export const CSC_MODEL_FILE = join('csc', 'csc-model.bin');

let file: string | null = null;
let bytes: Promise<Buffer> | null = null;
let model: Promise<CscModel | null> | null = null;

/** Where the tables are read from (tests, a packaged app); default resources/ above this code. */
export function setCscModelFile(path: string): void {
  file = path;
  bytes = null;
  model = null;
}

/**
 * Bytes of `path` already being read: bin/edition-desk.mjs starts reading the tables on
 * libuv's pool before it loads the proof bundle, so the 4.5 MB arrive while the bundle
 * compiles (issue 15). Taken only when `path` is the file the tables would be read from.
 */
export function primeCscModelBytes(path: string, read: Promise<Buffer>): void {
  read.catch(() => undefined); // unused, or failed: loadCscModel reports a missing table as before
  if (bytes === null && resolve(path) === modelFile()) bytes = read;
}

function modelFile(): string {
  file ??= join(findResourcesDir(dirname(fileURLToPath(import.meta.url))), CSC_MODEL_FILE);
  return file;
}

/** The tables' bytes (for the editor, which maps them itself). */
export function readCscModelBytes(): Promise<Buffer> {
  bytes ??= readFile(modelFile());
  return bytes;
}

/** The parsed tables, or null when the file is missing or not a table (no typo rule rather than no proofreading). */
export function loadCscModel(): Promise<CscModel | null> {
  model ??= readCscModelBytes().then(parseCscModel).catch(() => null);
  return model;
}

// Two Han characters in a row, found with the detector's own expression (detect.ts HAN_RUN,
// the same source and flags): V8 compiles a Unicode-property expression once per source and
// flags, and a third one (\p{Script=Han}{2}) cost ~0.5 ms of the CLI's start (issue 15).
const HAN_RUN = /\p{Script=Han}+/gu;
function hasHanPair(text: string): boolean {
  HAN_RUN.lastIndex = 0;
  // A run of two code units may be one character outside the BMP.
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) if (m[0].length > 2 || (m[0].length === 2 && (m[0].charCodeAt(0) < 0xd800 || m[0].charCodeAt(0) > 0xdbff))) return true;
  return false;
}

export const needsCsc = (docs: readonly ProofDocument[]): boolean =>
  docs.some((d) => d.segments.some((s) => s.lang === 'zh' && hasHanPair(s.text)));
