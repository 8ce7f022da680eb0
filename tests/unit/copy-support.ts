import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT, paragraph, rootState, textNode, type SerializedEditorState, type SerializedNode } from '../../shared/document/lexical-state';
import { credits, element, figure, leadIn, withPairId } from '../../shared/story/node-types';
import { linkNode } from '../../shared/story/source-blocks';
import { SEEDS_DIR, squash } from './helpers';

// Helpers of the copy import/export tests (copy-*.test.ts).

export const SEED_2026 = '2026-qinyuan-lianghui';
export const SEED_2025 = '2025-qinyuan-lianghui';

export const readSeed = (name: string) => readFileSync(join(SEEDS_DIR, `${name}.md`), 'utf8');

/** The seed's text as a reader sees it: Markdown markup and all whitespace removed. */
export const seedText = (md: string) => squash(md.replace(/^#{1,6}[ \t]+/gm, '').replace(/<\/?su[bp]>/g, '').replace(/\*\*/g, ''));

/** Deterministic pair ids: t1, t2, … */
export function counter(prefix = 't'): () => string {
  let i = 0;
  return () => `${prefix}${++i}`;
}

/** The node types of a state, nested, without text: what a round trip must keep. */
export function typeTree(nodes: readonly SerializedNode[]): unknown[] {
  // Lexical leaves a flat NodeState at its default out of the JSON: no level means level 1.
  const detail = (n: SerializedNode) => (n.type === 'section-heading' ? n['level'] ?? 1 : n['listType'] ?? '');
  return nodes.map((n) => (n.children ? [n.type, detail(n), typeTree(mergeable(n.children))] : n.type));
}

// Neighbouring text runs of one format are one run however a source split them.
function mergeable(nodes: readonly SerializedNode[]): SerializedNode[] {
  const out: SerializedNode[] = [];
  for (const n of nodes) {
    const prev = out.at(-1);
    if (prev && prev.type === 'text' && n.type === 'text' && prev.format === n.format) out[out.length - 1] = { ...prev, text: `${prev.text}${n.text}` };
    else out.push(n);
  }
  return out;
}

export function blocksOf(state: SerializedEditorState, type: string): SerializedNode[] {
  return state.root.children.filter((n) => n.type === type);
}

/** Every text run (text and lead-in) of a state with its format, in order. */
export function runs(state: SerializedEditorState): { type: string; text: string; format: number }[] {
  const out: { type: string; text: string; format: number }[] = [];
  const walk = (n: SerializedNode) => {
    if (typeof n.text === 'string') out.push({ type: n.type, text: n.text, format: Number(n.format) || 0 });
    n.children?.forEach(walk);
  };
  state.root.children.forEach(walk);
  return out;
}

/** A state without its pair ids, for comparing two imports of the same copy. */
export function withoutPairIds(state: SerializedEditorState): unknown {
  return JSON.parse(JSON.stringify(state, (k, v: unknown) => (k === '$' ? undefined : v)));
}

/** A state with every node type of the story vocabulary and text that looks like markup. */
export function everyNodeState() {
  return rootState([
    element('kicker', [textNode('聚焦')]),
    element('headline', [textNode('标题 #1 with * and [brackets]')]),
    element('deck', [textNode('导语一句。')]),
    paragraph([leadIn('开头一句。'), textNode('正文 '), textNode('粗体', FORMAT.bold), textNode('、'), textNode('斜体', FORMAT.italic), textNode('PM'), textNode('2.5', FORMAT.subscript), textNode('，m'), textNode('2', FORMAT.superscript), textNode('。<sub> 不是标签，\\ 反斜杠。')]),
    paragraph([textNode('# 不是标题'), { type: 'linebreak', version: 1 }, textNode('- 不是列表'), { type: 'linebreak', version: 1 }, textNode('1. 也不是'), { type: 'linebreak', version: 1 }, textNode('> 也不是引文')]),
    paragraph([textNode('见'), linkNode('https://example.org/x y', [textNode('链接')]), textNode('。')]),
    element('section-heading', [textNode('一级小标题')], { level: 1 }),
    element('pull-quote', [textNode('引文第一行'), { type: 'linebreak', version: 1 }, textNode('第二行')]),
    element('section-heading', [textNode('三级小标题')], { level: 3 }),
    { type: 'list', version: 1, listType: 'number', start: 1, tag: 'ol', children: [
      { type: 'listitem', version: 1, value: 1, children: [textNode('第一条')] },
      { type: 'listitem', version: 1, value: 2, children: [textNode('第二条'), { type: 'linebreak', version: 1 }, textNode('续行')] },
    ] },
    figure('photo-7', { zh: '图片说明 [一]', en: 'A "quoted" caption' }, '摄影 张三'),
    credits([{ role: '策划', roleEn: 'Planning', names: ['冯波'] }, { role: '文字', roleEn: 'Text', names: ['冯波', '贾志敏'] }]),
  ].map((n, i) => withPairId(n, `e${i}`)));
}
