import type { SerializedEditorState, SerializedNode } from '../document/lexical-state';
import { FORMAT } from '../document/lexical-state';
import type { Credit } from '../document/schema';
import { countCopy } from '../story/count';

// A story as the page sets it: a flat list of paragraphs of styled runs, with positions
// (paragraph, character offset) at which a frame's copy can start. The flow engine cuts
// the story at the point where the rendered text really breaks and starts the next frame
// of the thread there (续排), so everything here must slice without losing a character.

export interface FlowRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  sub?: boolean;
  sup?: boolean;
  leadIn?: boolean;
  /** A forced line break inside the paragraph (text is "\n"). */
  br?: boolean;
}

export type FlowKind = 'p' | 'h1' | 'h2' | 'h3' | 'kicker' | 'headline' | 'deck' | 'quote' | 'li' | 'figure' | 'credits';

export interface FlowPara {
  kind: FlowKind;
  runs: FlowRun[];
  /** Ordered list items: their number. */
  number?: number;
  photoId?: string;
  caption?: string;
  credits?: Credit[];
}

export interface FlowPos { para: number; offset: number }

function runsOf(children: SerializedNode[] | undefined, out: FlowRun[] = []): FlowRun[] {
  for (const c of children ?? []) {
    if (c.type === 'linebreak') { out.push({ text: '\n', br: true }); continue; }
    if (typeof c.text === 'string') {
      const f = typeof c.format === 'number' ? c.format : 0;
      const run: FlowRun = { text: c.text };
      if (c.type === 'lead-in') { run.leadIn = true; run.bold = true; }
      if (f & FORMAT.bold) run.bold = true;
      if (f & FORMAT.italic) run.italic = true;
      if (f & FORMAT.subscript) run.sub = true;
      if (f & FORMAT.superscript) run.sup = true;
      if (run.text) out.push(run);
      continue;
    }
    runsOf(c.children, out);
  }
  return out;
}

/** The story's copy for the page, in reading order. `lang` picks the caption text of figures. */
export function flowContent(state: SerializedEditorState | null | undefined, lang: 'zh' | 'en' = 'zh'): FlowPara[] {
  const out: FlowPara[] = [];
  for (const n of state?.root.children ?? []) {
    switch (n.type) {
      case 'section-heading': {
        const level = Math.min(3, Math.max(1, Number(n['level'] ?? 1)));
        out.push({ kind: `h${level}` as FlowKind, runs: runsOf(n.children) });
        break;
      }
      case 'heading': {
        const level = n.tag === 'h2' ? 1 : n.tag === 'h3' ? 2 : 3;
        out.push({ kind: `h${level}` as FlowKind, runs: runsOf(n.children) });
        break;
      }
      case 'kicker': case 'headline': case 'deck':
        out.push({ kind: n.type, runs: runsOf(n.children) });
        break;
      case 'pull-quote': case 'quote':
        out.push({ kind: 'quote', runs: runsOf(n.children) });
        break;
      case 'list': {
        const ordered = n['listType'] === 'number';
        (n.children ?? []).forEach((li, i) => out.push({ kind: 'li', runs: runsOf(li.children), ...(ordered ? { number: i + 1 } : {}) }));
        break;
      }
      case 'figure': {
        const cap = n['caption'] as { zh?: string; en?: string } | undefined;
        out.push({ kind: 'figure', runs: [], photoId: String(n['photoId'] ?? ''), caption: (lang === 'en' ? cap?.en || cap?.zh : cap?.zh) ?? '' });
        break;
      }
      case 'credits':
        out.push({ kind: 'credits', runs: [], credits: (n['credits'] as Credit[] | undefined) ?? [] });
        break;
      default: {
        const runs = runsOf(n.children);
        // Empty paragraphs are spacing the editor needed, not copy the page sets.
        if (runs.some((r) => r.text.trim() !== '')) out.push({ kind: 'p', runs });
      }
    }
  }
  return out;
}

/** Runs from character `offset` on (UTF-16 units; never splits a surrogate pair). */
export function sliceRuns(runs: FlowRun[], offset: number): FlowRun[] {
  if (offset <= 0) return runs;
  const out: FlowRun[] = [];
  let skip = offset;
  for (const r of runs) {
    if (skip >= r.text.length) { skip -= r.text.length; continue; }
    let from = skip;
    if (from > 0 && /[\uDC00-\uDFFF]/.test(r.text[from] ?? '')) from--;
    out.push(from > 0 ? { ...r, text: r.text.slice(from) } : r);
    skip = 0;
  }
  return out;
}

/** The copy from `pos` on: the paragraph cut at its offset, then the rest. */
export function contentFrom(content: FlowPara[], pos: FlowPos): FlowPara[] {
  const first = content[pos.para];
  if (!first) return [];
  const head = pos.offset > 0 ? { ...first, runs: sliceRuns(first.runs, pos.offset) } : first;
  return [head, ...content.slice(pos.para + 1)];
}

export function paraText(p: FlowPara): string {
  if (p.kind === 'figure') return p.caption ?? '';
  if (p.kind === 'credits') return (p.credits ?? []).map((c) => `${c.role}${c.names.join('')}`).join('');
  return p.runs.map((r) => (r.br ? '' : r.text)).join('');
}

/** Newsroom count (字: Han + punctuation + words) of the copy from `pos` on. */
export function countFrom(content: FlowPara[], pos: FlowPos): number {
  return contentFrom(content, pos).reduce((n, p) => n + countCopy(paraText(p)).total, 0);
}
