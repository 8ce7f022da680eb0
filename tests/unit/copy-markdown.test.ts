import { describe, expect, it } from 'vitest';
import { FORMAT, rootState, type SerializedNode } from '../../shared/document/lexical-state';
import { buildSample } from '../../electron/services/sample';
import { importMarkdown } from '../../shared/story/markdown-import';
import { exportMarkdown } from '../../shared/story/markdown-export';
import { exportText } from '../../shared/story/text-export';
import { credits, pairIdOf, type SerializedCredits } from '../../shared/story/node-types';
import { inlineText } from '../../shared/story/source-blocks';
import { RESOURCES, squash } from './helpers';
import { SEED_2025, SEED_2026, blocksOf, counter, everyNodeState, readSeed, runs, seedText, typeTree, withoutPairIds } from './copy-support';

// Markdown copy in the form of the seed pages → story states, and back out as Markdown
// and plain text. The seeds are the newsroom's real copy: nothing of it may be lost.

const text = (n: SerializedNode) => inlineText(n.children ?? []);

describe('Markdown import of the seed pages', () => {
  it.each([SEED_2026, SEED_2025])('%s keeps every character of the copy, in order', (name) => {
    const md = readSeed(name);
    const { state } = importMarkdown(md, counter());
    expect(squash(exportText(state))).toBe(seedText(md));
  });

  it('2026: kicker, headline, deck, the eight section heads, lead-ins and PM2.5', () => {
    const md = readSeed(SEED_2026);
    const { title, state } = importMarkdown(md, counter());
    expect(title).toBe('谋好篇 布好局 履职尽责为人民');
    expect(blocksOf(state, 'headline').map(text)).toEqual(['谋好篇 布好局 履职尽责为人民']);
    expect(blocksOf(state, 'kicker').map(text)).toEqual(['聚焦']);
    expect(blocksOf(state, 'deck').map(text)).toEqual(['执笔“落实”之笔，以实干作答，以实绩交卷，确保“十五五”开好局、起好步。']);
    const heads = blocksOf(state, 'section-heading');
    const eight = [...md.matchAll(/^### (.*重实干、开新局)$/gm)].map((m) => m[1]);
    expect(eight).toHaveLength(8);
    expect(heads.filter((h) => h['level'] === 3 && text(h).includes('重实干')).map(text)).toEqual(eight);
    expect(heads.find((h) => h['level'] === 2)).toBeDefined();
    const leadIns = runs(state).filter((r) => r.type === 'lead-in').map((r) => r.text);
    expect(leadIns).toContain('传统产业守正延伸。');
    expect(leadIns.every((t) => t.length <= 12 && /[。！？]$/.test(t))).toBe(true);
    expect(runs(state).filter((r) => r.format & FORMAT.subscript).map((r) => r.text)).toEqual(['2.5']);
  });

  it('2025: the couplet keeps its line break and the credits become a credits block', () => {
    const { title, state } = importMarkdown(readSeed(SEED_2025), counter());
    expect(title).toBe('筑梦太岳 勇谱新篇');
    expect(blocksOf(state, 'kicker').map(text)).toEqual(['聚焦']);
    const couplet = state.root.children.find((n) => text(n).startsWith('东风浩荡'))!;
    expect(couplet.children!.map((c) => c.type)).toContain('linebreak');
    const [block] = blocksOf(state, 'credits') as SerializedCredits[];
    expect(block!.credits.map((c) => c.role)).toEqual(['策划', '统筹', '文字', '图片', '版式']);
    expect(block!.credits[2]).toEqual({ role: '文字', roleEn: 'Text', names: ['冯波', '贾志敏', '马慧荣'] });
  });

  it('gives every top-level block its own pair id, from the generator given', () => {
    const { state } = importMarkdown(readSeed(SEED_2026), counter('x'));
    const ids = state.root.children.map(pairIdOf);
    expect(ids).toEqual(ids.map((_, i) => `x${i + 1}`));
    const real = importMarkdown(readSeed(SEED_2026)).state.root.children.map(pairIdOf);
    expect(new Set(real).size).toBe(real.length);
    expect(real.every((id) => typeof id === 'string' && id.length > 4)).toBe(true);
  });
});

const FEATURES = [
  '# Headline of the test',
  '',
  'A deck line, short.',
  '',
  '**Bold opening.** Then the body goes on with *italic*, H<sub>2</sub>O, x<sup>2</sup> and a [link](https://example.org/a_(b)).',
  'A soft break joins Latin words',
  'with one space; a hard break ends here  ',
  'and this is the next line. \\*not italic\\*, \\[not a link\\], [bad](javascript:alert(1)).',
  '',
  '> A pull quote that spans  ',
  '> two lines.',
  '',
  '- first item',
  '- second **item**',
  '',
  '1. one',
  '2. two',
  '',
  '---',
  '',
  '![说明文字](photo:photo-1 "English caption — 新华社")',
  '',
  '## 小标题',
  '',
  '策划 / 冯波  ',
  '文字 / 冯波 贾志敏',
].join('\n');

describe('Markdown import of every construct', () => {
  const { state } = importMarkdown(FEATURES, counter());

  it('maps blocks to the story vocabulary', () => {
    expect(state.root.children.map((n) => n.type)).toEqual([
      'headline', 'deck', 'paragraph', 'pull-quote', 'list', 'list', 'figure', 'section-heading', 'credits',
    ]);
    const [bullets, numbers] = blocksOf(state, 'list');
    expect(bullets).toMatchObject({ listType: 'bullet', tag: 'ul' });
    expect(numbers).toMatchObject({ listType: 'number', tag: 'ol' });
    expect(bullets!.children!.map((c) => c.type)).toEqual(['listitem', 'listitem']);
    expect(blocksOf(state, 'figure')[0]).toMatchObject({ photoId: 'photo-1', caption: { zh: '说明文字', en: 'English caption' }, credit: '新华社' });
    expect(blocksOf(state, 'section-heading')[0]).toMatchObject({ level: 2 });
  });

  it('reads inline marks, links, escapes and breaks', () => {
    const body = state.root.children[2]!;
    const kids = body.children!;
    expect(kids[0]).toMatchObject({ type: 'lead-in', text: 'Bold opening.' });
    const r = runs(rootState([body]));
    expect(r.find((x) => x.text === 'italic')!.format).toBe(FORMAT.italic);
    expect(r.find((x) => x.text === '2' && x.format === FORMAT.subscript)).toBeDefined();
    expect(r.find((x) => x.text === '2' && x.format === FORMAT.superscript)).toBeDefined();
    const link = kids.find((k) => k.type === 'link')!;
    expect(link).toMatchObject({ url: 'https://example.org/a_(b)' });
    expect(inlineText([link])).toBe('link');
    const all = inlineText(kids);
    expect(all).toContain('Latin words with one space');
    expect(all).toContain('*not italic*, [not a link], bad.');
    expect(kids.filter((k) => k.type === 'linebreak')).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('javascript:');
  });
});

describe('Markdown export', () => {
  it.each([SEED_2026, SEED_2025])('%s: import(export(s)) is s again (text, node types, formats)', (name) => {
    const first = importMarkdown(readSeed(name), counter()).state;
    const md = exportMarkdown(first);
    const again = importMarkdown(md, counter()).state;
    expect(withoutPairIds(again)).toEqual(withoutPairIds(first));
    expect(exportMarkdown(again)).toBe(md);
  });

  it('round-trips every node type, escaping what would read as markup', () => {
    const s = everyNodeState();
    const md = exportMarkdown(s);
    const back = importMarkdown(md, counter()).state;
    expect(squash(exportText(back))).toBe(squash(exportText(s)));
    expect(typeTree(back.root.children)).toEqual(typeTree(s.root.children));
    expect(runs(back)).toEqual(runs(s).map((r) => r));
    expect(md).toContain('\\# 不是标题');
    expect(md).toContain('![图片说明 [一\\]](photo:photo-7 "A \\"quoted\\" caption — 摄影 张三")');
  });

  it('writes the English credits roles in the English version', () => {
    const s = rootState([credits([{ role: '策划', roleEn: 'Planning', names: ['Feng Bo', 'Jia Zhimin'] }, { role: '版式', roleEn: 'Layout', names: ['Gao Qi'] }])]);
    const md = exportMarkdown(s, 'en');
    expect(md).toBe('Planning / Feng Bo, Jia Zhimin  \nLayout / Gao Qi\n');
    const back = importMarkdown(md, counter()).state;
    expect((back.root.children[0] as SerializedCredits).credits).toEqual([
      { role: '策划', roleEn: 'Planning', names: ['Feng Bo', 'Jia Zhimin'] }, { role: '版式', roleEn: 'Layout', names: ['Gao Qi'] },
    ]);
  });

  it('exports the sample edition stories (rich-text heading nodes) too', async () => {
    const { bundle } = await buildSample(RESOURCES);
    expect(bundle.stories.length).toBeGreaterThan(0);
    const all = bundle.stories.map((story) => {
      const md = exportMarkdown(story.zh as never);
      expect(squash(exportText(importMarkdown(md).state))).toBe(squash(exportText(story.zh as never)));
      return md;
    });
    expect(all.join('\n')).toMatch(/^## /m);
  });
});

describe('plain text export', () => {
  it('one block per line, a blank line between blocks', () => {
    const t = exportText(everyNodeState());
    const blocks = t.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(12);
    expect(blocks[0]).toBe('聚焦');
    expect(blocks[4]).toBe('# 不是标题\n- 不是列表\n1. 也不是\n> 也不是引文');
    expect(blocks[9]).toBe('1. 第一条\n2. 第二条\n续行');
    expect(blocks[10]).toBe('[图] 图片说明 [一] / A "quoted" caption — 摄影 张三');
    expect(blocks[11]).toBe('策划 / 冯波\n文字 / 冯波 贾志敏');
    expect(exportText(everyNodeState(), 'en')).toContain('Planning / 冯波\nText / 冯波 贾志敏');
  });
});
