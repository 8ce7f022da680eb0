import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPageChange, readPage, writePage } from '../../shared/collab/page-y';
import { docName, parseDocName } from '../../shared/collab/doc-names';
import { mayWrite } from '../../shared/collab/roles';
import type { Page } from '../../shared/document/schema';

const page: Page = {
  id: 'page-1', name: '第一版', number: 1,
  grid: { columns: 6, gutterMm: 4, margins: { top: 10, right: 10, bottom: 10, left: 10 } },
  blocks: [
    { id: 'h1', kind: 'headline', col: 0, span: 6, yMm: 20, hMm: 30, lang: 'zh', text: '主标题' },
    { id: 'p1', kind: 'photo', col: 0, span: 3, yMm: 60, hMm: 80, lang: 'zh' },
  ],
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('a page as a Yjs document', () => {
  it('round-trips a page', () => {
    const doc = new Y.Doc();
    writePage(doc, page);
    expect(readPage(doc)).toEqual(page);
  });

  it('keeps both changes when one desk moves a frame while another retypes the headline', () => {
    const a = new Y.Doc();
    writePage(a, page);
    const b = new Y.Doc();
    sync(a, b);
    const moved = { ...page, blocks: page.blocks.map((x) => (x.id === 'p1' ? { ...x, yMm: 120 } : x)) };
    const retyped = { ...page, blocks: page.blocks.map((x) => (x.id === 'h1' ? { ...x, text: '新的主标题' } : x)) };
    applyPageChange(a, page, moved);
    applyPageChange(b, page, retyped);
    sync(a, b);
    const merged = readPage(a)!;
    expect(readPage(b)).toEqual(merged);
    expect(merged.blocks.find((x) => x.id === 'p1')!.yMm).toBe(120);
    expect(merged.blocks.find((x) => x.id === 'h1')!.text).toBe('新的主标题');
  });

  it('a block added on one desk and another deleted on the other both land', () => {
    const a = new Y.Doc();
    writePage(a, page);
    const b = new Y.Doc();
    sync(a, b);
    const added = { ...page, blocks: [...page.blocks, { id: 'k1', kind: 'kicker' as const, col: 0, span: 2, yMm: 5, hMm: 8, lang: 'zh' as const, text: '聚焦' }] };
    const removed = { ...page, blocks: page.blocks.filter((x) => x.id !== 'p1') };
    applyPageChange(a, page, added);
    applyPageChange(b, page, removed);
    sync(a, b);
    expect(readPage(a)!.blocks.map((x) => x.id)).toEqual(['h1', 'k1']);
    expect(readPage(b)).toEqual(readPage(a));
  });
});

describe('document names and roles', () => {
  it('parses only the names it makes', () => {
    const ref = { kind: 'story', editionId: 'ed-1', storyId: 's-1', lang: 'en' } as const;
    expect(parseDocName(docName(ref))).toEqual(ref);
    for (const bad of ['story/ed-1/s-1', 'page/../x', 'page/ed/p/q', 'edition/ED', 'x/ed', 'story/ed/s/fr']) expect(parseDocName(bad)).toBeNull();
  });
  it('a photographer may change photos but not stories', () => {
    expect(mayWrite('photographer', 'photos')).toBe(true);
    expect(mayWrite('photographer', 'story')).toBe(false);
    expect(mayWrite('chief', 'page')).toBe(true);
  });
});
