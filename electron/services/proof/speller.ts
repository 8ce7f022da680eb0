import nspell from 'nspell';
import type { Speller } from '../../../shared/proof/types';
import { memoSpeller } from '../../../shared/proof/speller';

// English spelling for proofreading: Hunspell en_US (dictionary-en) through nspell, both
// pure JS and offline. The files are read from the package here, in Node; the renderer gets
// the same two files over proof:dictionary instead of bundling 550 kB into the editor
// chunk, and builds its own nspell once (see renderer/src/editor/proof/speller.ts).

export interface DictionaryFiles {
  aff: string;
  dic: string;
}

let files: Promise<DictionaryFiles> | null = null;

/** dictionary-en's index.aff/index.dic (its main module reads them with top-level await). */
export function readDictionaryFiles(): Promise<DictionaryFiles> {
  // The package's main module reads its two files next to itself (top-level await), so it
  // is imported lazily: only a proofreading run pays for the 550 kB.
  files ??= import('dictionary-en').then(({ default: dict }) => ({
    aff: new TextDecoder().decode(dict.aff),
    dic: new TextDecoder().decode(dict.dic),
  }));
  return files;
}

let speller: Promise<Speller> | null = null;

export function loadSpeller(): Promise<Speller> {
  speller ??= readDictionaryFiles().then(({ aff, dic }) => {
    const s = nspell(aff, dic);
    return memoSpeller((w) => s.correct(w));
  });
  return speller;
}
