import { blockText, runsText, type MdBlock, type Run as MdRun } from './seed-markdown';
import { FORMAT, lineBreak, paragraph, rootState, textNode, type SerializedEditorState, type SerializedNode } from './lexical-state';
import { element, leadIn, withPairId } from '../story/node-types';
import { CREDIT_ROLES_EN, parseCreditLine } from '../story/credit-lines';

type Run = MdRun & { leadIn?: boolean };
import type { Credit } from './schema';

// Turns a feature page's copy (as in the seeds) into its parts: page furniture before
// the headline, the headline and deck, the story body, credits, and photo captions.

export interface FeatureParts {
  furniture: MdBlock[];
  headline: string;
  deck: MdBlock | null;
  body: MdBlock[];
  credits: Credit[];
  captions: string[];
  footer: string | null;
}

const SENTENCE_END = /[。！？!?；;：:，,]$/;

function isCaptionLike(b: MdBlock): boolean {
  if (b.kind !== 'paragraph' || b.lines.length !== 1) return false;
  const t = blockText(b).trim();
  return t.length > 0 && t.length <= 40 && !t.includes('。') && !SENTENCE_END.test(t);
}

/** A trailing paragraph of "策划 / 冯波" lines, every role one the desk knows. */
function creditsOf(b: MdBlock): Credit[] | null {
  if (b.kind !== 'paragraph') return null;
  const out = b.lines.map((line) => parseCreditLine(runsText(line)));
  return out.length > 0 && out.every((c): c is Credit => c !== null && c.role in CREDIT_ROLES_EN) ? out : null;
}

export function splitFeature(blocks: MdBlock[]): FeatureParts {
  const rest = [...blocks];
  let footer: string | null = null;
  const captions: string[] = [];
  let credits: Credit[] = [];
  // A heading after the last paragraph is the page's running foot (两会特刊).
  const last = rest.at(-1);
  if (last?.kind === 'heading') { footer = blockText(last); rest.pop(); }
  while (rest.length > 0 && isCaptionLike(rest.at(-1)!)) captions.unshift(blockText(rest.pop()!));
  const maybeCredits = rest.at(-1) && creditsOf(rest.at(-1)!);
  if (maybeCredits) { credits = maybeCredits; rest.pop(); }

  // The headline is the heading right before the first real paragraph of copy.
  const firstCopy = rest.findIndex((b) => b.kind === 'paragraph' && blockText(b).length >= 20);
  let hIdx = firstCopy - 1;
  while (hIdx >= 0 && rest[hIdx]!.kind !== 'heading') hIdx--;
  if (hIdx < 0) return { furniture: [], headline: '', deck: null, body: rest, credits, captions, footer };
  const furniture = rest.slice(0, hIdx);
  const headline = blockText(rest[hIdx]!);
  const after = rest.slice(hIdx + 1);
  const deck = after[0]?.kind === 'paragraph' ? after.shift()! : null;
  return { furniture, headline, deck, body: after, credits, captions, footer };
}

// A lead-in is a short opening sentence set in bold (传统产业守正延伸。).
const LEAD_IN = /^([^。！？]{2,12}[。！？])(.+)$/s;

function runsToNodes(runs: Run[]): SerializedNode[] {
  return runs.map((r) => (r.leadIn ? leadIn(r.text) : textNode(r.text, (r.bold ? FORMAT.bold : 0) | (r.sub ? FORMAT.subscript : 0) | (r.sup ? FORMAT.superscript : 0))));
}

function paragraphNode(b: Extract<MdBlock, { kind: 'paragraph' }>): SerializedNode {
  const children: SerializedNode[] = [];
  b.lines.forEach((line, i) => {
    if (i > 0) children.push(lineBreak());
    let runs: Run[] = line;
    const first = runs[0];
    if (i === 0 && first && !first.bold && !first.sub && !first.sup) {
      const m = LEAD_IN.exec(first.text);
      if (m) runs = [{ text: m[1]!, bold: true, leadIn: true }, { text: m[2]! }, ...runs.slice(1)];
    }
    children.push(...runsToNodes(runs));
  });
  return paragraph(children);
}

/**
 * The story body as a Lexical state in the story vocabulary (shared/story/node-types.ts):
 * `##` becomes a level-1 section head, `###` level 2; paragraphs get their lead-ins; every
 * block a pair id for its future English translation.
 */
export function bodyState(body: MdBlock[]): SerializedEditorState {
  return rootState(body.map((b, i) => withPairId(b.kind === 'heading'
    ? element('section-heading', runsToNodes(b.runs), { level: Math.min(3, Math.max(1, b.level - 1)) })
    : paragraphNode(b), `b${i + 1}`)));
}
