import type { CscModel } from './model';
import { cscSwitches } from './switches';

// TRAIN's confusion pairs as candidates (issue 14; switches.ts paired, off: measured there).

const pairedCache = new WeakMap<object, Map<number, number[]>>();

/**
 * The characters TRAIN shows written wrongly for each character, by code (wrong → right):
 * 18 % of the right characters are in no confusion set, and some of those are in TRAIN's
 * pairs (应/因, front and back nasals). Made once per pair table from its keys.
 */
export function pairedOf(model: CscModel): Map<number, number[]> {
  let out = pairedCache.get(model.pairs);
  if (out) return out;
  out = new Map();
  const codes = new Uint16Array(32768);
  for (let c = 0; c < 65536; c++) if (model.ids[c]) codes[model.ids[c]!] = c;
  const keys: Iterable<number> = model.pairs.sortedKeys ?? (model.pairs instanceof Map ? model.pairs.keys() : []);
  for (const k of keys) {
    if ((model.pairs.get(k) ?? 0) < cscSwitches.pairedMin) continue;
    const wrong = codes[Math.floor(k / 32768)]!, right = codes[k % 32768]!;
    if (!wrong || !right) continue;
    const list = out.get(wrong);
    if (list) list.push(right); else out.set(wrong, [right]);
  }
  pairedCache.set(model.pairs, out);
  return out;
}
