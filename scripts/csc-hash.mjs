// The detector's hash tables built at build time and stored as they are (issue 14): the
// slot functions are those of shared/proof/csc/int-table.ts and long-table.ts, so the
// reader maps the arrays and looks up at once.

function capacity(n) {
  let cap = 1024, bits = 10;
  while (cap < n * 2) { cap *= 2; bits++; }
  return { cap, shift: 32 - bits, mask: cap - 1 };
}

/** entries: [key (> 0), value, cls?][] → { keys: Int32Array, vals: Float32Array, cls: Uint8Array } */
export function intHash(entries) {
  const { cap, shift, mask } = capacity(entries.length);
  const keys = new Int32Array(cap), vals = new Float32Array(cap), cls = new Uint8Array(cap);
  for (const [key, value, c = 0] of entries) {
    let i = Math.imul(key, 0x9e3779b1) >>> shift;
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    keys[i] = key; vals[i] = value; cls[i] = c;
  }
  return { keys, vals, cls };
}

/** entries: [a (> 0), b, value, cls][] → { k1, k2, vals, cls } */
export function longHash(entries) {
  const { cap, shift, mask } = capacity(entries.length);
  const k1 = new Int32Array(cap), k2 = new Int32Array(cap), vals = new Float32Array(cap), cls = new Uint8Array(cap);
  for (const [a, b, value, c] of entries) {
    let i = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> shift;
    while (k1[i] !== 0 && !(k1[i] === a && k2[i] === b)) i = (i + 1) & mask;
    k1[i] = a; k2[i] = b; vals[i] = value; cls[i] = c;
  }
  return { k1, k2, vals, cls };
}
