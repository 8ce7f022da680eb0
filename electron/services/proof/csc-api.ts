import type { Api } from '../../../shared/contract/contract';
import { readEdition } from '../edition-store';
import type { Workspace } from '../workspace';

// The channel of issue 14's 错别字 check, spread into createApi: the edition's setting. The
// tables themselves reach the editor as bytes through the media path table/csc (media.ts).

export function cscChannels(ws: Workspace): Pick<Api, 'proof:typo-level'> {
  return {
    'proof:typo-level': async ({ edition }) => ({ level: (await readEdition(await ws.resolveEdition(edition))).houseStyle?.typoCheck ?? 'normal' }),
  };
}
