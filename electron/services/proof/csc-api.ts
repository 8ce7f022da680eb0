import type { Api } from '../../../shared/contract/contract';
import { readEdition } from '../edition-store';
import type { Workspace } from '../workspace';
import { readCscModelBytes } from './csc-model';

// The channels of issue 14's 错别字 check, spread into createApi: the tables for the
// editor (which runs the same detector in the renderer, see renderer/src/editor/proof/csc.ts)
// and the edition's setting.

export function cscChannels(ws: Workspace): Pick<Api, 'proof:csc-table' | 'proof:typo-level'> {
  return {
    'proof:csc-table': async () => ({ base64: (await readCscModelBytes()).toString('base64') }),
    'proof:typo-level': async ({ edition }) => ({ level: (await readEdition(await ws.resolveEdition(edition))).houseStyle?.typoCheck ?? 'normal' }),
  };
}
