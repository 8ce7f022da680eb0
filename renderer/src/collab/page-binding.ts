import type * as Y from 'yjs';
import type { Page } from '../../../shared/document/schema';
import { applyPageChange, readPage } from '../../../shared/collab/page-y';

// A page of a shared edition bound to its document page/<remoteId>/<pageId>. The composer
// keeps working on whole Page values; this turns its commits into the fields that changed
// (applyPageChange) and every change from elsewhere back into a Page, so a frame moved on
// one desk and a headline retyped on another both survive.

/** The origin of this desk's own transactions: its observer must not echo them back. */
export const LOCAL_ORIGIN = Symbol('page-binding-local');

export class PageBinding {
  private seen: Page | null;
  private readonly onUpdate = (_u: Uint8Array, origin: unknown) => {
    this.seen = readPage(this.doc);
    if (origin !== LOCAL_ORIGIN && this.seen) this.onRemote(this.seen);
  };

  constructor(private readonly doc: Y.Doc, private readonly onRemote: (p: Page) => void) {
    this.seen = readPage(doc);
    doc.on('update', this.onUpdate);
  }

  /** The page as the document holds it now (null until the first sync brings it). */
  current(): Page | null { return this.seen; }

  /**
   * A local edit: `prev` is the page the edit was made on (as the composer showed it), so
   * only the fields this desk changed are written, even when a change from elsewhere
   * arrived after the composer last rendered.
   */
  commit(prev: Page, next: Page): Page {
    applyPageChange(this.doc, prev, next, LOCAL_ORIGIN);
    this.seen = readPage(this.doc);
    return this.seen ?? next;
  }

  destroy(): void { this.doc.off('update', this.onUpdate); }
}
