import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCscModel, setCscModelFile } from '../../electron/services/proof/csc-model';
import type { CscModel } from '../../shared/proof/csc/model';

// The real 错别字 tables for tests: built by scripts/csc-model.mjs (the build does it; a test
// run without a build makes them here), then read and parsed once per test file.
const root = join(import.meta.dirname, '..', '..');
export const CSC_MODEL_PATH = join(root, 'resources', 'csc', 'csc-model.bin');

export async function cscModel(): Promise<CscModel> {
  if (!existsSync(CSC_MODEL_PATH)) execFileSync(process.execPath, [join(root, 'scripts', 'csc-model.mjs')]);
  setCscModelFile(CSC_MODEL_PATH);
  const model = await loadCscModel();
  if (!model) throw new Error(`no csc model at ${CSC_MODEL_PATH}`);
  return model;
}
