import type { Api } from '../../../shared/contract/contract';
import { readEdition } from '../edition-store';
import type { Workspace } from '../workspace';
import { readCscModelBytes } from './csc-model';

// The channels of issue 14's 错别字 check, spread into createApi: the tables for the
// editor (which runs the same detector in the renderer, see renderer/src/editor/proof/csc.ts)
// and the edition's setting.

// The table in base64, made once per read of it (csc-model.ts keeps the read): every window,
// and every desk page of the browser host, asks once per session, and encoding the 12 MB
// anew took ~20 ms of main's thread each time.
const encoded = new WeakMap<Promise<Buffer>, Promise<string>>();
function tableBase64(): Promise<string> {
  const bytes = readCscModelBytes();
  let out = encoded.get(bytes);
  if (!out) encoded.set(bytes, (out = bytes.then((b) => b.toString('base64'))));
  return out;
}

export function cscChannels(ws: Workspace): Pick<Api, 'proof:csc-table' | 'proof:typo-level'> {
  return {
    'proof:csc-table': async () => ({ base64: await tableBase64() }),
    'proof:typo-level': async ({ edition }) => ({ level: (await readEdition(await ws.resolveEdition(edition))).houseStyle?.typoCheck ?? 'normal' }),
  };
}
