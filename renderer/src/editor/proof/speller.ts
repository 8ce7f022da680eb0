import nspell from 'nspell';
import { call } from '../../api/client';
import type { Speller } from '../../../../shared/proof/types';
import { memoSpeller } from '../../../../shared/proof/speller';

// The editor's English speller. The dictionary files come from main over proof:dictionary
// rather than being bundled: dictionary-en reads them from disk in Node, and fetching them
// once per session keeps 550 kB out of the renderer bundle and the first paint.

let speller: Promise<Speller | null> | null = null;

export function editorSpeller(): Promise<Speller | null> {
  speller ??= call('proof:dictionary', {}).then(
    ({ aff, dic }) => {
      const s = nspell(aff, dic);
      return memoSpeller((w) => s.correct(w));
    },
    () => null, // no spelling rather than no proofreading
  );
  return speller;
}
