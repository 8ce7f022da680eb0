// The one edit the press PDF makes to Chromium's page content before Ghostscript converts
// it (issue 13): neutral colours become DeviceGray, and 100 % black gets overprint.
//
// Why: Chromium writes every colour as DeviceRGB ("r g b rg"). Ghostscript's CMYK
// conversion turns RGB black into four-colour black (C = M = Y ≈ 8 % under body text,
// measured with inkcov), which misregisters on newsprint; -dBlackText also blackens the red
// heads. DeviceGray, however, passes pdfwrite's CMYK conversion unchanged and separates as
// K only. So R = G = B becomes "v g", everything else stays RGB and is converted once by
// the ICC engine. Black becomes "0 0 0 1 k" (DeviceCMYK, which pdfwrite also passes
// through: its CMYK source profile is the output profile, press-gs.ts) with an ExtGState
// that overprints (op/OP true, OPM 1), as a press expects of black type: with OPM 1 the
// zero C, M, Y of a DeviceCMYK colour leave the inks below alone, where a DeviceGray black
// knocks them out (measured with tiffsep). Any other colour turns overprint off again.
// Overprint is a graphics-state parameter saved by q and restored by Q, so the state is
// tracked through the q/Q stack to emit a change only where one happens.

/** Neutral greys at or below this (≥ 93 % K) are the screen's black: #111 body text is 100 K on the plate. */
export const BLACK_SNAP = 0.07;

/** ExtGState resource names: EDo<fill overprint 0|1><stroke overprint 0|1>. */
export const OVERPRINT_STATES = ['EDo00', 'EDo01', 'EDo10', 'EDo11'] as const;
export type OverprintState = (typeof OVERPRINT_STATES)[number];

export interface ContentRewrite {
  text: string;
  /** How many RGB colour settings became grey. */
  neutrals: number;
  /** The ExtGStates the new content uses (to be added to its resources). */
  states: Set<OverprintState>;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const FILL_OPS = new Set(['g', 'rg', 'k', 'sc', 'scn', 'cs']);
const STROKE_OPS = new Set(['G', 'RG', 'K', 'SC', 'SCN', 'CS']);

interface Tok { text: string; start: number; end: number }

const fmt = (v: number) => (v === 0 ? '0' : v === 1 ? '1' : String(Number(v.toFixed(4))));

/** Content stream text (latin1: one char per byte) with neutral colours made grey and 100 K set to overprint. */
export function rewriteContent(src: string): ContentRewrite {
  const out: string[] = [];
  let copied = 0;
  let neutrals = 0;
  const states = new Set<OverprintState>();
  // [fill, stroke] overprint; null = unknown (after a foreign gs), so the next colour re-states it.
  let cur: [boolean | null, boolean | null] = [false, false];
  const stack: [boolean | null, boolean | null][] = [];
  let operands: Tok[] = [];
  let i = 0;
  const n = src.length;

  const emitAfter = (end: number, text: string) => {
    out.push(src.slice(copied, end), text);
    copied = end;
  };
  const replace = (start: number, end: number, text: string) => {
    out.push(src.slice(copied, start), text);
    copied = end;
  };

  const onOperator = (op: Tok) => {
    if (op.text === 'q') stack.push([...cur]);
    else if (op.text === 'Q') cur = stack.pop() ?? [false, false];
    else if (op.text === 'gs') cur = [null, null];
    let black: boolean | null = null;
    if ((op.text === 'rg' || op.text === 'RG') && operands.length === 3) {
      const v = operands.map((t) => Number(t.text));
      if (v.every(Number.isFinite) && Math.abs(v[0]! - v[1]!) < 1e-4 && Math.abs(v[1]! - v[2]!) < 1e-4) {
        const grey = v[0]! <= BLACK_SNAP ? 0 : v[0]!;
        const fill = op.text === 'rg';
        // 100 % K as DeviceCMYK: overprint with OPM 1 spares the zero C, M, Y only in DeviceCMYK
        // (a DeviceGray black knocks out what lies under it; measured with tiffsep).
        replace(operands[0]!.start, op.end, grey === 0 ? `0 0 0 1 ${fill ? 'k' : 'K'}` : `${fmt(grey)} ${fill ? 'g' : 'G'}`);
        neutrals++;
        black = grey === 0;
      } else black = false;
    } else if ((op.text === 'g' || op.text === 'G') && operands.length === 1) {
      black = Number(operands[0]!.text) === 0;
    } else if ((op.text === 'k' || op.text === 'K') && operands.length === 4) {
      black = operands.map((t) => Number(t.text)).join(' ') === '0 0 0 1';
    } else if (FILL_OPS.has(op.text) || STROKE_OPS.has(op.text)) black = false;
    if (black !== null) {
      const want: [boolean | null, boolean | null] = FILL_OPS.has(op.text) ? [black, cur[1]] : [cur[0], black];
      if (want[0] !== cur[0] || want[1] !== cur[1]) {
        const f = want[0] ?? false;
        const s = want[1] ?? false;
        const name = `EDo${f ? 1 : 0}${s ? 1 : 0}` as OverprintState;
        states.add(name);
        emitAfter(op.end, ` /${name} gs`);
        cur = [f, s];
      }
    }
    operands = [];
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (WS.has(c)) { i++; continue; }
    if (c === 0x25) { // % comment
      while (i < n && src.charCodeAt(i) !== 0x0a && src.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    const start = i;
    if (c === 0x28) { // ( literal string )
      let depth = 0;
      for (; i < n; i++) {
        const d = src.charCodeAt(i);
        if (d === 0x5c) { i++; continue; }
        if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) { i++; break; }
      }
      operands.push({ text: src.slice(start, i), start, end: i });
      continue;
    }
    if (c === 0x3c) { // <hex> or <<
      if (src.charCodeAt(i + 1) === 0x3c) { i += 2; operands.push({ text: '<<', start, end: i }); continue; }
      const close = src.indexOf('>', i);
      i = close < 0 ? n : close + 1;
      operands.push({ text: src.slice(start, i), start, end: i });
      continue;
    }
    if (c === 0x3e) { i += src.charCodeAt(i + 1) === 0x3e ? 2 : 1; operands.push({ text: '>>', start, end: i }); continue; }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) { i++; operands.push({ text: src[start]!, start, end: i }); continue; }
    if (c === 0x2f) i++; // /Name: the slash, then regular characters
    while (i < n && !WS.has(src.charCodeAt(i)) && !DELIM.has(src.charCodeAt(i))) i++;
    if (i === start) { i++; continue; } // a stray delimiter
    const tok = { text: src.slice(start, i), start, end: i };
    if (c === 0x2f || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok.text) || tok.text === 'true' || tok.text === 'false' || tok.text === 'null') {
      operands.push(tok);
      continue;
    }
    if (tok.text === 'ID') {
      // Inline image data: binary up to whitespace + EI + whitespace; never tokenised.
      const m = /\sEI(?=[\s]|$)/g;
      m.lastIndex = i + 1;
      const hit = m.exec(src);
      i = hit ? hit.index + hit[0].length : n;
      operands = [];
      continue;
    }
    onOperator(tok);
  }
  out.push(src.slice(copied));
  return { text: out.join(''), neutrals, states };
}

/** The ExtGState dictionary of each overprint state, in qpdf JSON form. */
export function overprintState(name: OverprintState): Record<string, unknown> {
  return { '/Type': '/ExtGState', '/op': name[3] === '1', '/OP': name[4] === '1', '/OPM': 1 };
}
