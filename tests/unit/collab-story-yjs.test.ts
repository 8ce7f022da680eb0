import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHeadlessEditor } from '@lexical/headless';
import { buildSample } from '../../electron/services/sample';
import { readStoryDoc, storyDocIsEmpty, writeStoryDoc } from '../../electron/services/collab/story-yjs';
import { STORY_DATA_NODES } from '../../shared/story/nodes';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { FORMAT, stateText, lineBreak, paragraph, rootState, textNode, type SerializedEditorState, type SerializedNode } from '../../shared/document/lexical-state';
import { credits, element, figure, leadIn, withPairId } from '../../shared/story/node-types';
import type { Story } from '../../shared/document/schema';
import { RESOURCES } from './helpers';

// A story version goes into its shared document (the shape Lexical's CollaborationPlugin
// uses) and comes back out as the same Lexical JSON: the seeds and a story with every node.

let stories: Story[];
beforeAll(async () => {
  stories = (await buildSample(RESOURCES)).bundle.stories;
});

const block = (n: SerializedNode, i: number) => withPairId(n, `p${i}`);

/** A story with every node type the editor knows. */
function everyNode(): SerializedEditorState {
  const list = (listType: 'bullet' | 'number', items: string[]): SerializedNode => ({
    type: 'list', version: 1, listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol', direction: 'ltr', format: '', indent: 0,
    children: items.map((t, i) => ({ type: 'listitem', version: 1, value: i + 1, checked: undefined, direction: 'ltr', format: '', indent: 0, children: [textNode(t)] })),
  });
  const link: SerializedNode = {
    type: 'link', version: 1, url: 'https://www.qinyuan.gov.cn/', rel: null, target: null, title: null,
    direction: 'ltr', format: '', indent: 0, children: [textNode('沁源县人民政府')],
  };
  const blocks: SerializedNode[] = [
    element('kicker', [textNode('聚焦两会')]),
    element('headline', [textNode('绿色发展的沁源答卷')]),
    element('deck', [textNode('——写在县第十七届人大二次会议召开之际')]),
    element('section-heading', [textNode('一、传统产业')], { level: 1 }),
    element('section-heading', [textNode('（一）煤炭')], { level: 2 }),
    element('section-heading', [textNode('1. 洗选')], { level: 3 }),
    paragraph([leadIn('传统产业守正延伸。'), textNode('全县 PM'), textNode('2.5', FORMAT.subscript), textNode(' 年均浓度下降，详见'), link, textNode('。'), lineBreak(), textNode('斜体', FORMAT.italic)]),
    element('pull-quote', [textNode('“绿水青山就是金山银山。”')]),
    figure('photo-abc', { zh: '沁河源头', en: 'The source of the Qin River' }, '张三 摄'),
    figure('photo-def', { zh: '本稿自改', en: '' }, '', true),
    list('bullet', ['第一条', '第二条']),
    list('number', ['一', '二']),
    credits([{ role: '策划', roleEn: 'Planning', names: ['冯波'] }, { role: '文字', roleEn: 'Text', names: ['李四', '王五'] }]),
  ];
  return rootState(blocks.map(block));
}

/** The state as Lexical itself writes it back (defaults filled in), by the renderer's node classes. */
function normalised(state: SerializedEditorState): unknown {
  const editor = createHeadlessEditor({ namespace: 'ref', nodes: STORY_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return editor.getEditorState().toJSON();
}

function roundTrip(state: SerializedEditorState): SerializedEditorState | null {
  const doc = new Y.Doc();
  expect(writeStoryDoc(doc, state)).toBe(true);
  // Through the wire format, as a second desk gets it.
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return readStoryDoc(other);
}

describe('a story version as a Yjs document', () => {
  it('round-trips both seed stories, both languages, unchanged', () => {
    expect(stories).toHaveLength(2);
    for (const s of stories) {
      for (const state of [s.zh, s.en]) {
        if (!state) continue;
        const back = roundTrip(state);
        expect(back).toEqual(normalised(state));
        // Key for key as Lexical writes the file itself (what the story editor's autosave writes).
        expect(JSON.stringify(back)).toBe(JSON.stringify(normalised(state)));
        expect(stateText(back)).toBe(stateText(state));
      }
    }
  });

  it('round-trips a story with every node type (lead-in, subscript, link, lists, figures, credits, pair ids)', () => {
    const state = everyNode();
    const back = roundTrip(state)!;
    expect(back).toEqual(normalised(state));
    const types = new Set<string>();
    const walk = (n: SerializedNode) => { types.add(n.type); (n.children ?? []).forEach(walk); };
    back.root.children.forEach(walk);
    for (const t of ['kicker', 'headline', 'deck', 'section-heading', 'paragraph', 'lead-in', 'text', 'link', 'linebreak', 'pull-quote', 'figure', 'list', 'listitem', 'credits']) {
      expect(types, t).toContain(t);
    }
    expect(back.root.children.map((c) => (c['$'] as { pairId: string }).pairId)).toEqual(back.root.children.map((_, i) => `p${i}`));
  });

  it('brings a document to a new version and keeps a concurrent edit made elsewhere', () => {
    const base = everyNode();
    const a = new Y.Doc();
    writeStoryDoc(a, base);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Desk A renames the headline through the file path; desk B's state is merged after.
    const renamed = structuredClone(base);
    renamed.root.children[1]!.children = [textNode('新的主标题')];
    expect(writeStoryDoc(a, renamed)).toBe(true);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(readStoryDoc(b)).toEqual(readStoryDoc(a));
    expect(JSON.stringify(readStoryDoc(b))).toContain('新的主标题');
  });

  it('reads an empty document as null and refuses a state its nodes cannot load', () => {
    const doc = new Y.Doc();
    expect(storyDocIsEmpty(doc)).toBe(true);
    expect(readStoryDoc(doc)).toBeNull();
    const bad = rootState([{ type: 'no-such-node', version: 1, children: [] }]);
    expect(writeStoryDoc(doc, bad)).toBe(false);
    expect(storyDocIsEmpty(doc)).toBe(true);
  });

  it('converts a 50,000-character story both ways in reasonable time (the write-back does this per pause in typing)', () => {
    const para = '沁源县坚持生态优先、绿色发展，全年空气质量优良天数达到三百二十天以上。';
    const blocks: SerializedNode[] = [];
    for (let i = 0; blocks.reduce((n, b) => n + (b.children?.[0]?.text?.length ?? 0), 0) < 50_000; i++) blocks.push(withPairId(paragraph([textNode(`${i}${para.repeat(4)}`)]), `p${i}`));
    const state = rootState(blocks);
    const doc = new Y.Doc();
    let t = performance.now();
    expect(writeStoryDoc(doc, state)).toBe(true);
    const write = performance.now() - t;
    t = performance.now();
    const back = readStoryDoc(doc);
    const read = performance.now() - t;
    console.log(`50k-character story: JSON → Yjs ${write.toFixed(0)} ms, Yjs → JSON ${read.toFixed(0)} ms (${blocks.length} paragraphs)`);
    expect(stateText(back)).toBe(stateText(state));
    // Generous: a shared two-core machine; what matters is that it is not seconds per pause.
    expect(read).toBeLessThan(3000);
  });

  it('the data nodes and the editor nodes are the same types', () => {
    const t = (k: { getType(): string }) => k.getType();
    expect(STORY_DATA_NODES.map(t)).toEqual(STORY_NODES.map(t));
  });
});
