import { describe, expect, it } from 'vitest';
import { PAGE_PRESETS, type Block, type Grid } from '../../shared/document/schema';
import { blockRectMm, clampBlock, columnAt, columnWidthMm, moveBlock, resizeBlock, snapY } from '../../shared/layout/geometry';
import { FORMAT, lineBreak, paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { element, leadIn } from '../../shared/story/node-types';
import { contentFrom, countFrom, flowContent, sliceRuns } from '../../shared/layout/flow-content';
import { pageFromTemplate, TEMPLATES } from '../../shared/layout/templates';
import { estimateLines, heightForLines } from '../../shared/layout/estimate';
import { parsePrintQuery, printQuery } from '../../shared/layout/report';

const GRID: Grid = { columns: 8, gutterMm: 4, margins: { top: 18, right: 15, bottom: 18, left: 15 } };
const PAGE = PAGE_PRESETS.broadsheet;
const block = (p: Partial<Block> = {}): Block => ({ id: 'b1', kind: 'story', col: 2, span: 3, yMm: 40, hMm: 100, lang: 'zh', ...p });

describe('geometry: blocks on the column grid', () => {
  it('places a block from its columns and millimetres', () => {
    const colW = columnWidthMm(GRID, 390);
    expect(colW).toBeCloseTo((390 - 30 - 28) / 8, 6);
    expect(blockRectMm({ grid: GRID }, 390, block())).toEqual({ left: 15 + 2 * (colW + 4), top: 58, width: 3 * colW + 8, height: 100 });
  });
  it('moves by whole columns and snapped mm, never off the type area', () => {
    expect(moveBlock(GRID, PAGE, block(), 1, 10.4)).toMatchObject({ col: 3, yMm: 50 });
    expect(moveBlock(GRID, PAGE, block(), 9, 0)).toMatchObject({ col: 5, span: 3 });
    expect(moveBlock(GRID, PAGE, block(), -9, -100)).toMatchObject({ col: 0, yMm: 0 });
    expect(moveBlock(GRID, PAGE, block(), 0, 1000)).toMatchObject({ yMm: 545 - 36 - 100 });
  });
  it('snaps y to the baseline grid when the page has one', () => {
    const g = { ...GRID, baselineMm: 5.25 };
    expect(snapY(g, 12)).toBe(10.5);
    expect(moveBlock(g, PAGE, block({ yMm: 0 }), 0, 7)).toMatchObject({ yMm: 5.25 });
  });
  it('resizes from the corner, at least one column and one step', () => {
    expect(resizeBlock(GRID, PAGE, block(), 2, 20)).toMatchObject({ col: 2, span: 5, hMm: 120 });
    expect(resizeBlock(GRID, PAGE, block(), -5, -500)).toMatchObject({ span: 1, hMm: 1 });
    expect(resizeBlock(GRID, PAGE, block(), 10, 0)).toMatchObject({ span: 6 });
  });
  it('clamps a hand-made block that is off the page', () => {
    expect(clampBlock(GRID, PAGE, block({ col: 7, span: 4, yMm: 600, hMm: 900 }))).toMatchObject({ col: 4, span: 4, yMm: 0, hMm: 509 });
  });
  it('finds the column under a page x position', () => {
    const colW = columnWidthMm(GRID, 390);
    expect(columnAt(GRID, 390, 15)).toBe(0);
    expect(columnAt(GRID, 390, 15 + 3 * (colW + 4) + 1)).toBe(3);
    expect(columnAt(GRID, 390, 389)).toBe(7);
  });
});

describe('flow content: a story as the page sets it', () => {
  const state = rootState([
    element('section-heading', [textNode('一、小标题')], { level: 1 }),
    paragraph([leadIn('传统产业守正延伸。'), textNode('认准前进方向，'), textNode('PM', FORMAT.bold), textNode('2.5', FORMAT.subscript)]),
    paragraph([textNode('  ')]),
    paragraph([textNode('第二行'), lineBreak(), textNode('换行后😀继续')]),
  ]);
  const content = flowContent(state);
  it('keeps heads, lead-ins, formats and line breaks; drops empty paragraphs', () => {
    expect(content.map((p) => p.kind)).toEqual(['h1', 'p', 'p']);
    expect(content[1]!.runs[0]).toMatchObject({ text: '传统产业守正延伸。', leadIn: true, bold: true });
    expect(content[1]!.runs[3]).toMatchObject({ text: '2.5', sub: true });
    expect(content[2]!.runs[1]).toMatchObject({ text: '\n', br: true });
  });
  it('slices at any character without losing or doubling one, and never inside a surrogate pair', () => {
    const runs = content[1]!.runs;
    const full = runs.map((r) => r.text).join('');
    for (let k = 0; k <= full.length; k++) expect(sliceRuns(runs, k).map((r) => r.text).join('')).toBe(full.slice(k));
    const emoji = content[2]!.runs;
    const at = emoji.map((r) => r.text).join('').indexOf('😀') + 1;
    expect(sliceRuns(emoji, at).map((r) => r.text).join('').startsWith('😀')).toBe(true);
  });
  it('counts the overset copy the newsroom way from a break position', () => {
    expect(contentFrom(content, { para: 1, offset: 9 })[0]!.runs[0]!.text).toBe('认准前进方向，');
    // 第二行换行后继续: eight 字, and the emoji counts as one mark.
    expect(countFrom(content, { para: 2, offset: 0 })).toBe(9);
    expect(countFrom(content, { para: 2, offset: 3 })).toBe(6);
    expect(countFrom(content, { para: 3, offset: 0 })).toBe(0);
  });
});

describe('templates', () => {
  it('ship front, feature and photo pages whose blocks sit inside the type area at every preset size', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['front', 'feature', 'photo']);
    for (const t of TEMPLATES) {
      for (const size of Object.values(PAGE_PRESETS)) {
        const p = pageFromTemplate(t, size, 'page-9', t.name.zh, 9);
        expect(new Set(p.blocks.map((b) => b.id)).size).toBe(p.blocks.length);
        for (const b of p.blocks) {
          expect(b.col + b.span).toBeLessThanOrEqual(p.grid.columns);
          expect(b.yMm + b.hMm).toBeLessThanOrEqual(size.heightMm - p.grid.margins.top - p.grid.margins.bottom + 0.01);
        }
      }
    }
    expect(pageFromTemplate(TEMPLATES[0]!, PAGE_PRESETS.broadsheet, 'p', 'x', 1).blocks[0]).toMatchObject({ kind: 'masthead', text: '长治日报', textEn: 'CHANGZHI RIBAO' });
  });
});

describe('line estimate and print query', () => {
  it('estimates lines per column from characters per line', () => {
    const c = flowContent(rootState([paragraph([textNode('字'.repeat(100))])]));
    // 41.5 mm at 9.5 pt is 12 characters a line; 100 + a 2-character indent = 9 lines.
    expect(estimateLines(c, 41.5)).toBe(9);
    expect(heightForLines(9)).toBe(Math.ceil(9 * 15 * 25.4 / 72 + 0.5));
  });
  it('round-trips the print request and refuses silly bleeds', () => {
    const r = { edition: '沁源 两会.edition', pages: ['page-1', 'page-2'], lang: 'en' as const, bleedMm: 3, marks: true };
    expect(parsePrintQuery(printQuery(r).slice('print.html'.length))).toEqual(r);
    expect(parsePrintQuery('?bleed=99&lang=xx').bleedMm).toBe(0);
    expect(parsePrintQuery('?edition=%E0%A4%A').edition).toBe('');
  });
});
