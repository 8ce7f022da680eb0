// L2-regularised logistic regression by Newton's method (issue 14's ranker): a few
// dozen features and a few hundred thousand rows, so each step solves a small linear
// system exactly. Features are standardised for the fit and the weights returned for the
// raw ones (feature 0 is the bias, left unpenalised). A constant feature gets weight 0.

export function fitLogistic(x: readonly number[][], y: readonly number[], l2: number, steps = 25): number[] {
  const d = x[0]!.length;
  const n = x.length;
  const mean = new Array<number>(d).fill(0), sd = new Array<number>(d).fill(0);
  for (const r of x) for (let k = 1; k < d; k++) mean[k]! += r[k]! / n;
  for (const r of x) for (let k = 1; k < d; k++) sd[k]! += (r[k]! - mean[k]!) ** 2 / n;
  for (let k = 1; k < d; k++) sd[k] = Math.sqrt(sd[k]!);
  const z = (r: readonly number[], k: number) => (k === 0 ? 1 : sd[k]! > 1e-12 ? (r[k]! - mean[k]!) / sd[k]! : 0);
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const r = x[i]!;
      const zi = new Array<number>(d);
      let s = 0;
      for (let k = 0; k < d; k++) { zi[k] = z(r, k); s += w[k]! * zi[k]!; }
      const p = 1 / (1 + Math.exp(-s));
      const q = p * (1 - p);
      for (let k = 0; k < d; k++) {
        if (zi[k] === 0) continue;
        g[k]! += (p - y[i]!) * zi[k]!;
        for (let j = k; j < d; j++) h[k]![j]! += q * zi[k]! * zi[j]!;
      }
    }
    for (let k = 0; k < d; k++) for (let j = 0; j < k; j++) h[k]![j] = h[j]![k]!;
    for (let k = 1; k < d; k++) { g[k]! += l2 * w[k]!; h[k]![k]! += l2; }
    for (let k = 0; k < d; k++) if (h[k]![k]! === 0) h[k]![k] = 1;
    const delta = solve(h, g);
    w = w.map((v, k) => v - delta[k]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-7) break;
  }
  // Back to raw features: w·z = Σ w_k (x_k − mean_k)/sd_k.
  const raw = new Array<number>(d).fill(0);
  raw[0] = w[0]!;
  for (let k = 1; k < d; k++) if (sd[k]! > 1e-12) { raw[k] = w[k]! / sd[k]!; raw[0]! -= w[k]! * mean[k]! / sd[k]!; }
  return raw;
}

/** Solves a·x = b by Gaussian elimination with partial pivoting (a small dense system). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => r[n]! / r[i]!);
}
