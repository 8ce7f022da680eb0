import type { AuditEntry, RemoteEdition, SignOff } from '../../../shared/collab/protocol';
import type { Sqlite } from './sqlite';

// Editions registered on the server, the pages signed off (签发) and the audit log of every
// sign-off and reopen. A sign-off and its audit row are written in one transaction.

export class EditionRecords {
  constructor(private readonly db: Sqlite) {}

  editions(): RemoteEdition[] {
    return this.db.prepare('SELECT id, title, issue_date AS issueDate, published_by AS publishedBy, published_at AS publishedAt FROM editions ORDER BY published_at DESC').all() as RemoteEdition[];
  }

  edition(id: string): RemoteEdition | null {
    return (this.db.prepare('SELECT id, title, issue_date AS issueDate, published_by AS publishedBy, published_at AS publishedAt FROM editions WHERE id = ?').get(id) as RemoteEdition | undefined) ?? null;
  }

  /** Registers an edition; a second publish of the same id keeps the first record (the desk may retry). */
  publish(e: { id: string; title: string; issueDate: string }, by: string): { edition: RemoteEdition; created: boolean } {
    const existing = this.edition(e.id);
    if (existing) return { edition: existing, created: false };
    this.db.prepare('INSERT INTO editions (id, title, issue_date, published_by, published_at) VALUES (?, ?, ?, ?, ?)').run(e.id, e.title, e.issueDate, by, new Date().toISOString());
    return { edition: this.edition(e.id)!, created: true };
  }

  signoff(editionId: string, pageId: string): SignOff | null {
    return (this.db.prepare('SELECT edition_id AS editionId, page_id AS pageId, round, by, at FROM signoffs WHERE edition_id = ? AND page_id = ?').get(editionId, pageId) as SignOff | undefined) ?? null;
  }

  signoffs(editionId: string): SignOff[] {
    return this.db.prepare('SELECT edition_id AS editionId, page_id AS pageId, round, by, at FROM signoffs WHERE edition_id = ? ORDER BY page_id').all(editionId) as SignOff[];
  }

  /** Signs a page for `round`; null when it is already signed (reopen first). */
  sign(editionId: string, pageId: string, round: number, by: string): SignOff | null {
    const at = new Date().toISOString();
    return this.db.transaction(() => {
      if (this.signoff(editionId, pageId)) return null;
      this.db.prepare('INSERT INTO signoffs (edition_id, page_id, round, by, at) VALUES (?, ?, ?, ?, ?)').run(editionId, pageId, round, by, at);
      this.audit(at, by, 'signoff', editionId, pageId, round);
      return { editionId, pageId, round, by, at };
    })();
  }

  /** Reopens a signed page; the audit row carries the round that was signed. Null when it was not signed. */
  reopen(editionId: string, pageId: string, by: string): AuditEntry | null {
    const at = new Date().toISOString();
    return this.db.transaction(() => {
      const s = this.signoff(editionId, pageId);
      if (!s) return null;
      this.db.prepare('DELETE FROM signoffs WHERE edition_id = ? AND page_id = ?').run(editionId, pageId);
      this.audit(at, by, 'reopen', editionId, pageId, s.round);
      return { at, user: by, action: 'reopen' as const, editionId, pageId, round: s.round };
    })();
  }

  auditLog(editionId: string): AuditEntry[] {
    return this.db.prepare('SELECT at, user, action, edition_id AS editionId, page_id AS pageId, round FROM audit WHERE edition_id = ? ORDER BY seq').all(editionId) as AuditEntry[];
  }

  private audit(at: string, user: string, action: 'signoff' | 'reopen', editionId: string, pageId: string, round: number): void {
    this.db.prepare('INSERT INTO audit (at, user, action, edition_id, page_id, round) VALUES (?, ?, ?, ?, ?, ?)').run(at, user, action, editionId, pageId, round);
  }
}
