import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PageBinding } from '../../renderer/src/collab/page-binding';
import { colorFor, framesTaken, peersOf, photosInUse } from '../../renderer/src/collab/presence';
import { groupFingerprint } from '../../renderer/src/collab/fingerprint';
import { writePage } from '../../shared/collab/page-y';
import { TEMPLATES, pageFromTemplate } from '../../shared/layout/templates';
import { PAGE_PRESETS } from '../../shared/document/schema';
import type { Page } from '../../shared/document/schema';

// Two desks as two Y.Docs whose updates are exchanged by hand (what the server relays).
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'net') Y.applyUpdate(b, u, 'net'); });
  b.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'net') Y.applyUpdate(a, u, 'net'); });
  return { a, b };
}

describe('PageBinding', () => {
  const page: Page = pageFromTemplate(TEMPLATES[0]!, Object.values(PAGE_PRESETS)[0]!, 'page-1', '第 1 版', 1);
  const headline = page.blocks.find((x) => x.kind === 'headline')!;
  const photo = page.blocks.find((x) => x.kind === 'photo')!;

  it('keeps a frame moved on one desk and a headline retyped on the other', () => {
    const { a, b } = pair();
    writePage(a, page);
    const seenA: Page[] = [];
    const seenB: Page[] = [];
    const ba = new PageBinding(a, (p) => seenA.push(p));
    const bb = new PageBinding(b, (p) => seenB.push(p));
    const shownA = ba.current()!;
    const shownB = bb.current()!;
    // Both edit the page as they last saw it, at the same time.
    ba.commit(shownA, { ...shownA, blocks: shownA.blocks.map((x) => (x.id === photo.id ? { ...x, yMm: x.yMm + 30 } : x)) });
    bb.commit(shownB, { ...shownB, blocks: shownB.blocks.map((x) => (x.id === headline.id ? { ...x, text: '新标题' } : x)) });
    for (const p of [ba.current()!, bb.current()!]) {
      expect(p.blocks.find((x) => x.id === photo.id)!.yMm).toBe(photo.yMm + 30);
      expect(p.blocks.find((x) => x.id === headline.id)!.text).toBe('新标题');
    }
    expect(JSON.stringify(ba.current())).toBe(JSON.stringify(bb.current()));
    // Each desk heard the other's change, never its own echo.
    expect(seenA.at(-1)!.blocks.find((x) => x.id === headline.id)!.text).toBe('新标题');
    expect(seenB.at(-1)!.blocks.find((x) => x.id === photo.id)!.yMm).toBe(photo.yMm + 30);
    expect(seenA.some((p) => p.blocks.find((x) => x.id === photo.id)!.yMm === photo.yMm + 30 && p.blocks.find((x) => x.id === headline.id)!.text !== '新标题')).toBe(false);
    ba.destroy(); bb.destroy();
  });

  it('does not undo a change that arrived after the composer last rendered', () => {
    const { a, b } = pair();
    writePage(a, page);
    const ba = new PageBinding(a, () => {});
    const bb = new PageBinding(b, () => {});
    const shownA = ba.current()!; // A renders, then B's change lands before A commits
    const nb = bb.current()!;
    bb.commit(nb, { ...nb, blocks: nb.blocks.map((x) => (x.id === headline.id ? { ...x, text: 'B 的标题' } : x)) });
    ba.commit(shownA, { ...shownA, blocks: shownA.blocks.map((x) => (x.id === photo.id ? { ...x, col: 1 } : x)) });
    expect(ba.current()!.blocks.find((x) => x.id === headline.id)!.text).toBe('B 的标题');
    expect(bb.current()!.blocks.find((x) => x.id === photo.id)!.col).toBe(1);
  });

  it('stops listening when destroyed', () => {
    const { a, b } = pair();
    writePage(a, page);
    let heard = 0;
    const ba = new PageBinding(a, () => { heard++; });
    ba.destroy();
    const bb = new PageBinding(b, () => {});
    const cur = bb.current()!;
    bb.commit(cur, { ...cur, name: 'x' });
    expect(heard).toBe(0);
  });
});

describe('presence', () => {
  it('reads other desks, skips itself and malformed states', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: '我', role: 'layout', color: '#123456' }, where: { pageId: 'p1', blockId: 'b1' } }],
      [2, { user: { name: '王芳', role: 'chief', color: '#c0392b' }, where: { pageId: 'p1', blockId: 'b2' } }],
      [3, { user: { name: '李强', role: 'editor', color: 'red; background:url(x)' }, where: { storyId: 's1', lang: 'zh' } }],
      [4, { user: { name: '', role: 'chief' } }],
      [5, { user: { name: '赵', role: 'admin' } }],
      [6, 'junk'],
      [7, { user: { name: '孙', role: 'photographer', color: '#27ae60' }, where: { pageId: 'p2', blockId: 'x'.repeat(300) } }],
    ]);
    const peers = peersOf(states, 1);
    expect(peers.map((p) => p.user.name).sort()).toEqual(['孙', '李强', '王芳'].sort());
    // A colour that is not a colour is replaced by the name's own.
    expect(peers.find((p) => p.user.name === '李强')!.user.color).toBe(colorFor('李强'));
    expect(peers.find((p) => p.user.name === '孙')!.where).toEqual({ pageId: 'p2', blockId: null });
    expect([...framesTaken(peers, 'p1').keys()]).toEqual(['b2']);
    const inUse = photosInUse(peers, new Map([['p1', ['ph-1', 'ph-2']], ['p2', ['ph-2']]]));
    expect(inUse.get('ph-1')!.map((u) => u.name)).toEqual(['王芳']);
    expect(inUse.get('ph-2')!.map((u) => u.name).sort()).toEqual(['孙', '王芳'].sort());
  });

  it('gives a name the same colour on every desk', () => {
    expect(colorFor('王芳')).toBe(colorFor('王芳'));
    expect(colorFor('王芳')).toMatch(/^#[0-9a-f]{6}$/);
    const colours = new Set(['王芳', '李强', '张伟', 'anna', 'bob', 'chief'].map(colorFor));
    expect(colours.size).toBeGreaterThan(2);
  });
});

describe('groupFingerprint', () => {
  it('shows all 32 pairs in eight groups of four', () => {
    const fp = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');
    const g = groupFingerprint(fp);
    expect(g).toHaveLength(8);
    expect(g[0]).toBe('00:01:02:03');
    expect(g.join(':')).toBe(fp);
  });
});
