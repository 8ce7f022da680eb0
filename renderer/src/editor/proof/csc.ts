import { call } from '../../api/client';
import { parseCscModel, type CscModel } from '../../../../shared/proof/csc/model';
import type { TypoLevel } from '../../../../shared/proof/csc/detect';

// The editor's 错别字 tables (issue 14). The detector is pure JS over plain tables, so the
// editor runs the very rules main and the CLI run, live, with no round trip per check; the
// tables come from main over proof:csc-table once a session (the 12 MB binary file in
// base64, mapped once) rather than being bundled into the editor chunk and the first paint.

let model: Promise<CscModel | null> | null = null;

export function editorCscModel(): Promise<CscModel | null> {
  model ??= call('proof:csc-table', {})
    .then(({ base64 }) => parseCscModel(fromBase64(base64)))
    .catch(() => null); // no typo check rather than no proofreading
  return model;
}

// Chromium's own decoder where it has one (Uint8Array.fromBase64, Chromium ≥ 140: the browser
// host's Debian Chromium, Electron 38): the table is 12 MB since the word model came (issue
// 14), and atob plus a loop over it held the editor's thread ~100 ms at its first proofread.
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

function fromBase64(s: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The edition's setting (house style); normal when it cannot be read. */
export function editionTypoLevel(edition: string): Promise<TypoLevel> {
  return call('proof:typo-level', { edition }).then((r) => r.level, () => 'normal' as const);
}
