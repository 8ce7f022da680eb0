import { $getNodeByKey, $getRoot, type EditorState, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { $getPairId } from '../nodes/pair-id';
import { dirtyBlocks } from './dirty-blocks';

// The 对照 marks of one version, kept per block (issue 15): each block's element carries its
// pair id, `unpaired` when it has copy the other version lacks, and `todo` when it is the
// empty slot of a block the other version has. A keystroke re-marks its own block; the ids
// with copy are reported upward only when that set changes (a paragraph gained or lost its
// copy), and a change of the other version's set re-marks only the ids that changed there.
// Before, every pause in typing walked every block of both versions, and each report made
// the other version walk all of its blocks again.

interface Mark { id: string; hasText: boolean }

function $markOf(block: LexicalNode): Mark {
  const hasText = block.getType() === 'figure' || block.getType() === 'credits' || block.getTextContent().trim() !== '';
  return { id: $getPairId(block), hasText };
}

export class PairMarks {
  private readonly blocks = new Map<NodeKey, Mark>();
  private readonly keyOfId = new Map<string, NodeKey>();
  /** Blocks with copy per id (ids are unique per version; a paste may briefly double one). */
  private readonly withText = new Map<string, number>();
  /** The set of ids with copy changed since the last report. */
  private changed = true;
  private other: ReadonlySet<string> | null = null;
  private reported: Set<string> | null = null;

  constructor(private readonly editor: LexicalEditor, private readonly report: (ids: string[]) => void) {}

  /** The ids with copy: what the other version is told. */
  ids(): Set<string> {
    return new Set(this.withText.keys());
  }

  /** Marks every block (first load, a whole new state). */
  markAll(state: EditorState): void {
    this.blocks.clear();
    this.keyOfId.clear();
    this.withText.clear();
    this.changed = true;
    state.read(() => { for (const b of $getRoot().getChildren()) this.set(b.getKey(), $markOf(b)); });
    this.reportIfChanged();
  }

  /** Follows one update: re-marks the blocks it touched. */
  update(state: EditorState, dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, tags: ReadonlySet<string>): void {
    const dirty = dirtyBlocks(state, dirtyElements, dirtyLeaves, tags);
    if (dirty.full) { this.markAll(state); return; }
    for (const key of dirty.gone) this.forget(key);
    let drift = false;
    state.read(() => {
      for (const key of dirty.changed) this.set(key, $markOf($getNodeByKey(key)!));
      drift = this.blocks.size !== $getRoot().getChildrenSize();
    });
    if (drift) this.markAll(state);
    else this.reportIfChanged();
  }

  /** The other version's ids with copy changed: re-mark the blocks whose ids are in the difference. */
  setOther(other: ReadonlySet<string> | null): void {
    const before = this.other;
    this.other = other;
    if (!before || !other) { for (const key of this.blocks.keys()) this.paint(key); return; }
    for (const id of before) if (!other.has(id)) this.paintId(id);
    for (const id of other) if (!before.has(id)) this.paintId(id);
  }

  private paintId(id: string): void {
    const key = this.keyOfId.get(id);
    if (key !== undefined) this.paint(key);
  }

  private set(key: NodeKey, mark: Mark): void {
    const old = this.blocks.get(key);
    if (!old || old.id !== mark.id || old.hasText !== mark.hasText) {
      this.forget(key);
      this.blocks.set(key, mark);
      this.keyOfId.set(mark.id, key);
      if (mark.hasText) this.count(mark.id, 1);
    }
    this.paint(key);
  }

  private forget(key: NodeKey): void {
    const old = this.blocks.get(key);
    if (!old) return;
    this.blocks.delete(key);
    if (this.keyOfId.get(old.id) === key) this.keyOfId.delete(old.id);
    if (old.hasText) this.count(old.id, -1);
  }

  private count(id: string, d: 1 | -1): void {
    const n = (this.withText.get(id) ?? 0) + d;
    if (n <= 0) this.withText.delete(id); else this.withText.set(id, n);
    if (n === 0 || (n === 1 && d === 1)) this.changed = true;
  }

  private paint(key: NodeKey): void {
    const mark = this.blocks.get(key);
    const el = this.editor.getElementByKey(key);
    if (!mark || !el) return;
    const { id, hasText } = mark;
    if (el.dataset['pairId'] !== id) el.dataset['pairId'] = id;
    const other = this.other;
    toggle(el, 'unpaired', !!other && hasText && !other.has(id));
    // An empty twin of a block the other version has: the slot waiting for its translation.
    toggle(el, 'todo', !!other && !hasText && other.has(id));
  }

  private reportIfChanged(): void {
    if (!this.changed) return;
    this.changed = false;
    const now = this.ids();
    const prev = this.reported;
    // A whole re-mark that found the same ids: nothing to tell the other version.
    if (prev && prev.size === now.size && [...now].every((id) => prev.has(id))) return;
    this.reported = now;
    this.report([...now]);
  }
}

function toggle(el: HTMLElement, name: string, on: boolean): void {
  if (on) { if (el.dataset[name] !== 'true') el.dataset[name] = 'true'; }
  else if (el.dataset[name] !== undefined) delete el.dataset[name];
}
