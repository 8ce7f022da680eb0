import type { Connection, Document, onAuthenticatePayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { parseDocName, type DocRef } from '../../../shared/collab/doc-names';
import { mayWrite, type Role } from '../../../shared/collab/roles';
import type { ServerNotice } from '../../../shared/collab/server-notice';
import type { SessionUser } from '../../../shared/collab/protocol';
import type { Accounts } from './accounts';
import type { EditionRecords } from './signoffs';

// Who may open and who may change a shared document: decided by the server at Hocuspocus'
// onAuthenticate, from the session token, the document's name and the role table. A
// connection that may read but not write is `readOnly`: Hocuspocus then answers its updates
// with SyncStatus(false) and never applies them (MessageReceiver.readSyncMessage), so they
// reach neither the document, nor the store, nor any other client.

export interface DocContext {
  user: SessionUser;
  ref: DocRef;
  /** Kept in memory only, so session-sweep.ts can check the session again while the connection lasts. */
  token: string;
}

/** Thrown from onAuthenticate; Hocuspocus sends `reason` to the provider as permission-denied. */
export class Refusal extends Error {
  constructor(readonly reason: string) {
    // No message: Hocuspocus logs a hook's error only when it has one, and a refused desk is
    // routine, not a server fault worth a line per attempt.
    super('');
  }
}

export function writableFor(role: Role, ref: DocRef, pageSigned: boolean): boolean {
  if (!mayWrite(role, ref.kind)) return false;
  // 签发: a signed page is the chief's alone until the chief reopens it.
  return !(ref.kind === 'page' && pageSigned && role !== 'chief');
}

export function authenticate(accounts: Accounts, records: EditionRecords, data: onAuthenticatePayload): DocContext {
  const user = accounts.session(data.token);
  if (!user) throw new Refusal('session');
  const ref = parseDocName(data.documentName);
  if (!ref) throw new Refusal('document-name');
  if (!records.edition(ref.editionId)) throw new Refusal('not-shared');
  const signed = ref.kind === 'page' && records.signoff(ref.editionId, ref.pageId) !== null;
  data.connectionConfig.readOnly = !writableFor(user.role, ref, signed);
  return { user, ref, token: data.token };
}

/**
 * After a sign-off or reopen: connections already open on that page change with it, so a
 * layout desk that had the page open cannot keep typing into a signed page. Tells each
 * connection by a stateless message so its UI can say why.
 */
export function applyPageState(documents: Map<string, Document>, name: string, signed: boolean, notice: ServerNotice): void {
  const doc = documents.get(name);
  if (!doc) return;
  for (const c of doc.getConnections() as Connection[]) {
    const ctx = c.context as Partial<DocContext>;
    if (!ctx.user || !ctx.ref) continue;
    const wasReadOnly = c.readOnly;
    c.readOnly = !writableFor(ctx.user.role, ctx.ref, signed);
    c.sendStateless(JSON.stringify(notice));
    // Reopened: a desk whose updates were refused meanwhile holds changes the server lacks,
    // and every later update of that desk would wait on them (Yjs keeps it pending). The
    // server's SyncStep1 makes the desk answer with all it has that the server has not.
    if (wasReadOnly && !c.readOnly) c.send(syncStep1(doc));
  }
}

function syncStep1(doc: Document): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc.name);
  encoding.writeVarUint(e, 0); // Hocuspocus MessageType.Sync
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}
