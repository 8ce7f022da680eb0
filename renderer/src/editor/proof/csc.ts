import { call, tableUrl } from '../../api/client';
import { parseCscModel, type CscModel } from '../../../../shared/proof/csc/model';
import type { TypoLevel } from '../../../../shared/proof/csc/detect';

// The editor's 错别字 tables (issue 14). The detector is pure JS over plain tables, so the
// editor runs the very rules main and the CLI run, live, with no round trip per check.
// The tables (12 MB since the word model) come once a session as one binary response from
// main (media path table/csc) and are mapped as typed views over the fetched buffer: no
// base64, no JSON, nothing copied. They are not bundled into the editor chunk, so the first
// paint never waits for them, and ProofPlugin asks only after its first run (see there).

let model: Promise<CscModel | null> | null = null;
let settled = false;

/** Whether the tables have come (or failed) this session: a later editor shows no "loading". */
export const cscTableSettled = (): boolean => settled;

export function editorCscModel(): Promise<CscModel | null> {
  model ??= fetch(tableUrl('csc'))
    .then((res) => {
      if (!res.ok) throw new Error(`csc table: ${res.status}`);
      return res.arrayBuffer();
    })
    .then((buf) => parseCscModel(new Uint8Array(buf)))
    .catch(() => null) // no typo check rather than no proofreading
    .finally(() => { settled = true; });
  return model;
}

/** The edition's setting (house style); normal when it cannot be read. */
export function editionTypoLevel(edition: string): Promise<TypoLevel> {
  return call('proof:typo-level', { edition }).then((r) => r.level, () => 'normal' as const);
}
