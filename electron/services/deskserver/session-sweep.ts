import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { Accounts } from './accounts';
import { writableFor, type DocContext } from './doc-access';
import type { EditionRecords } from './signoffs';

// A session is checked when a document is opened; this sweep keeps it true while the
// connection lasts. `edition-desk user remove|passwd` run in another process and a session
// expires by the clock, so every SWEEP_MS each open connection's token is looked up again:
// gone or expired → the connection is closed; a changed role → its write access follows.

export const SWEEP_MS = 30_000;

export function sweepSessions(hocuspocus: Hocuspocus, accounts: Accounts, records: EditionRecords, now = Date.now()): number {
  let closed = 0;
  for (const doc of hocuspocus.documents.values()) {
    for (const c of doc.getConnections() as Connection[]) {
      const ctx = c.context as Partial<DocContext>;
      if (!ctx.token || !ctx.ref) continue;
      const user = accounts.session(ctx.token, now);
      if (!user) {
        c.close({ code: 4401, reason: 'session' });
        closed++;
        continue;
      }
      ctx.user = user;
      const signed = ctx.ref.kind === 'page' && records.signoff(ctx.ref.editionId, ctx.ref.pageId) !== null;
      c.readOnly = !writableFor(user.role, ctx.ref, signed);
    }
  }
  return closed;
}
