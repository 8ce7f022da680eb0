import { describe, expect, it } from 'vitest';
import { diffPassages } from '../../shared/proof-rounds/text-diff';
import { roundLabel } from '../../shared/proof-rounds/rounds';
import { changedBoxes } from '../../electron/services/export/proof-picture-diff';

// The pure parts of the proof comparison: passages matched and narrowed to what changed,
// round names as a newsroom says them, changed cells gathered into boxes.

const p = (blockId: string, text: string) => ({ blockId, text });

describe('text diff between proof rounds', () => {
  it('narrows a changed paragraph to the characters that differ, with context', () => {
    const a = [p('h', '谋好篇 布好局'), p('s', '培育建设2个绿色工厂。'), p('s', '第三段')];
    const b = [p('h', '谋好篇 布好局'), p('s', '培育打造2个绿色工厂。'), p('s', '第三段')];
    expect(diffPassages(a, b)).toEqual([{ kind: 'replace', blockId: 's', deleted: '建设', inserted: '打造', before: '培育', after: '2个绿色工厂。' }]);
  });

  it('lists a paragraph inserted and one deleted as whole passages, unchanged ones not at all', () => {
    const a = [p('s', '一'), p('s', '二'), p('s', '三')];
    const b = [p('s', '一'), p('s', '三'), p('c', '新图说')];
    expect(diffPassages(a, b)).toEqual([
      expect.objectContaining({ kind: 'delete', blockId: 's', deleted: '二', inserted: '' }),
      expect.objectContaining({ kind: 'insert', blockId: 'c', deleted: '', inserted: '新图说' }),
    ]);
    expect(diffPassages(a, a)).toEqual([]);
  });

  it('keeps characters outside the BMP whole and reads an insertion inside a paragraph as one', () => {
    const d = diffPassages([p('s', '沁源𠀀县')], [p('s', '沁源𠀀𠀁县')]);
    expect(d).toEqual([expect.objectContaining({ kind: 'insert', inserted: '𠀁', before: '沁源𠀀', after: '县' })]);
  });
});

describe('round labels', () => {
  it('counts 一校, 二校, 三校 and on', () => {
    expect([1, 2, 3, 10, 11, 20, 23].map((n) => roundLabel(n, 'zh'))).toEqual(['一校', '二校', '三校', '十校', '十一校', '二十校', '二十三校']);
    expect(roundLabel(2, 'en')).toBe('proof 2');
  });
});

describe('changed regions', () => {
  it('joins nearby cells into one box and keeps distant ones apart', () => {
    const cols = 20;
    const rows = 10;
    const cells = new Uint8Array(cols * rows);
    for (const [x, y] of [[1, 1], [3, 1], [2, 3], [15, 8]] as const) cells[y * cols + x] = 1;
    expect(changedBoxes(cells, cols, rows)).toEqual([{ x0: 1, y0: 1, x1: 3, y1: 3 }, { x0: 15, y0: 8, x1: 15, y1: 8 }]);
  });
});
