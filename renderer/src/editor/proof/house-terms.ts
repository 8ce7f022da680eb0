import { call } from '../../api/client';
import type { HouseTerm } from '../../../../shared/proof/types';

// The house term list (settings → proofTerms) for every proofreading editor of the window:
// read once, and pushed to the open editors when the desk saves a new list, so their
// findings follow the dialog without a reload. proof:edition reads settings in main itself.

let current: Promise<HouseTerm[]> | null = null;
const listeners = new Set<(terms: HouseTerm[]) => void>();

export function houseTerms(): Promise<HouseTerm[]> {
  current ??= call('settings:get', {}).then((s) => s.proofTerms, () => []);
  return current;
}

export async function saveHouseTerms(terms: HouseTerm[]): Promise<HouseTerm[]> {
  const saved = (await call('settings:set', { proofTerms: terms })).proofTerms;
  current = Promise.resolve(saved);
  for (const l of listeners) l(saved);
  return saved;
}

/** Calls `listener` with each newly saved list; returns the unsubscribe. */
export function onHouseTerms(listener: (terms: HouseTerm[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
