import * as Y from 'yjs';
import { Block, Page } from '../document/schema';

// A page as a Yjs document, shaped so that two people changing different things on one
// page both keep their change: every block is its own Y.Map of fields, so one moving a
// photo frame (yMm) while another retypes the headline (text) touches different keys.
// Top-level types only (never a nested type created on first write), so two desks that
// start writing at once cannot each create their own copy of a container.
//   getMap('page')   id, name, number, grid
//   getArray('order') block ids, front to back
//   getMap('blocks')  block id → Y.Map(field → JSON value)

const META_KEYS = ['id', 'name', 'number', 'grid'] as const;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function writeBlock(map: Y.Map<unknown>, prev: Block | undefined, next: Block): void {
  const keys = new Set([...Object.keys(prev ?? {}), ...Object.keys(next), ...map.keys()]);
  for (const key of keys) {
    const value = (next as Record<string, unknown>)[key];
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
    } else if (!same(prev ? (prev as Record<string, unknown>)[key] : undefined, value) || !map.has(key)) {
      map.set(key, value);
    }
  }
}

/** Writes a whole page into an empty (or stale) page document: used when an edition is published. */
export function writePage(doc: Y.Doc, page: Page): void {
  applyPageChange(doc, readPage(doc), page);
}

/**
 * Applies what changed between `prev` (the page as this desk last saw it) and `next` to the
 * document: only those fields, so whatever someone else changed meanwhile is kept.
 */
export function applyPageChange(doc: Y.Doc, prev: Page | null, next: Page, origin?: unknown): void {
  const meta = doc.getMap<unknown>('page');
  const order = doc.getArray<string>('order');
  const blocks = doc.getMap<Y.Map<unknown>>('blocks');
  doc.transact(() => {
    for (const key of META_KEYS) {
      if (!same(prev?.[key], next[key]) || !meta.has(key)) meta.set(key, next[key]);
    }
    const before = new Map((prev?.blocks ?? []).map((b) => [b.id, b]));
    const nextIds = new Set(next.blocks.map((b) => b.id));
    for (const id of before.keys()) {
      if (!nextIds.has(id)) blocks.delete(id);
    }
    for (const block of next.blocks) {
      let map = blocks.get(block.id);
      if (!map) {
        map = new Y.Map<unknown>();
        blocks.set(block.id, map);
        writeBlock(map, undefined, block);
      } else {
        writeBlock(map, before.get(block.id), block);
      }
    }
    // Stacking order: rewritten only where this desk changed it.
    const prevOrder = (prev?.blocks ?? []).map((b) => b.id);
    const nextOrder = next.blocks.map((b) => b.id);
    if (!same(prevOrder, nextOrder) || order.length === 0) {
      const keep = order.toArray().filter((id) => nextIds.has(id) && blocks.has(id));
      if (!same(keep, nextOrder)) {
        order.delete(0, order.length);
        order.insert(0, nextOrder);
      }
    }
  }, origin);
}

/**
 * The page a document holds, or null while it is empty. Blocks missing from the order (added
 * by one desk while another reordered) go on top; ids in the order without a block are skipped;
 * a block whose fields do not parse is left out rather than failing the whole page.
 */
export function readPage(doc: Y.Doc): Page | null {
  const meta = doc.getMap<unknown>('page');
  if (!meta.has('id')) return null;
  const blocks = doc.getMap<Y.Map<unknown>>('blocks');
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of doc.getArray<string>('order').toArray()) {
    if (!seen.has(id) && blocks.has(id)) { seen.add(id); ids.push(id); }
  }
  for (const id of [...blocks.keys()].sort()) if (!seen.has(id)) ids.push(id);
  const out: Block[] = [];
  for (const id of ids) {
    const parsed = Block.safeParse(blocks.get(id)!.toJSON());
    if (parsed.success) out.push(parsed.data);
  }
  const page = Page.safeParse({ id: meta.get('id'), name: meta.get('name'), number: meta.get('number'), grid: meta.get('grid'), blocks: out });
  return page.success ? page.data : null;
}
