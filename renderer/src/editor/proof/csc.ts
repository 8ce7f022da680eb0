import { call } from '../../api/client';
import { parseCscModel, type CscModel } from '../../../../shared/proof/csc/model';
import type { TypoLevel } from '../../../../shared/proof/csc/detect';

// The editor's 错别字 tables (issue 14). The detector is pure JS over plain tables, so the
// editor runs the very rules main and the CLI run, live, with no round trip per check; the
// tables come from main over proof:csc-table once a session (the 2.4 MB binary file in
// base64, mapped once) rather than being bundled into the editor chunk and the first paint.

let model: Promise<CscModel | null> | null = null;

export function editorCscModel(): Promise<CscModel | null> {
  model ??= call('proof:csc-table', {})
    .then(({ base64 }) => parseCscModel(fromBase64(base64)))
    .catch(() => null); // no typo check rather than no proofreading
  return model;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The edition's setting (house style); normal when it cannot be read. */
export function editionTypoLevel(edition: string): Promise<TypoLevel> {
  return call('proof:typo-level', { edition }).then((r) => r.level, () => 'normal' as const);
}
