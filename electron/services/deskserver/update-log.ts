import type {
  Extension,
  beforeHandleMessagePayload,
  onChangePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

// A Hocuspocus extension that keeps every document as a log of Yjs updates in a store and
// acknowledges a client's update only after the store committed it.
//
// Why beforeHandleMessage: in Hocuspocus 3.4.4 the server answers an update with its
// SyncStatus acknowledgement (the provider's `unsyncedChanges` drops to 0 on it) right after
// applying it, synchronously inside MessageReceiver; onChange and onStoreDocument run after
// that and are not awaited (onStoreDocument is even debounced by 2 s). The only hook awaited
// *before* a message is applied is beforeHandleMessage (Connection.handleMessage:
// `beforeHandleMessage(…).then(() => new MessageReceiver(message).apply(…))`). So the update
// is taken out of the raw message there and appended; if the append fails the hook throws,
// Hocuspocus closes the connection, the update is neither applied nor acknowledged, and the
// provider sends it again on reconnect. Updates are appended before they are applied: a
// crash between the two leaves an update in the log that nobody saw, which is harmless
// (Yjs updates are idempotent and commute), never the reverse.
//
// Extensions run by priority, highest first; this one runs late (priority 10) so that an
// earlier hook that refuses the message (role checks) throws before anything is stored, and
// a read-only connection's updates (refused by Hocuspocus itself) are not stored either.

/** What the extension needs from a store: PostgresStore implements it. */
export interface UpdateLogStore {
  load(name: string): Promise<Uint8Array | null>;
  /** Resolves only once the update is durable. */
  append(name: string, update: Uint8Array): Promise<void>;
  /** Folds the log into fewer rows; must keep updates appended meanwhile. */
  compact(name: string): Promise<void>;
}

// y-protocols message types (Hocuspocus MessageType.Sync = 0, SyncReply = 4).
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a client message carries (sync step 2 or update), or null for any other message. */
export function updateInMessage(data: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(data);
  decoding.readVarString(d); // document name
  const type = decoding.readVarUint(d);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(d);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(d);
}

/** Hocuspocus' transaction origin for updates that came from another instance through Redis. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

/**
 * An update with no structs and no deletions: what a client's sync step 2 carries when the
 * server already has everything. Yjs encodes it as two zero varints; it is not stored.
 */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export class UpdateLog implements Extension {
  priority = 10;
  extensionName = 'edition-desk-update-log';

  constructor(private readonly store: UpdateLogStore) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const state = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state);
  }

  async beforeHandleMessage({ documentName, update: message, connection }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const update = updateInMessage(message);
    if (!update || isEmptyUpdate(update)) return;
    await this.store.append(documentName, update);
  }

  /**
   * Changes made on the server itself (a direct connection, an extension) arrive here only;
   * a client's were stored in beforeHandleMessage, and another instance's (origin Redis)
   * were stored by that instance.
   */
  async onChange({ documentName, update, transactionOrigin }: onChangePayload): Promise<void> {
    if (transactionOrigin === REDIS_ORIGIN) return;
    if (transactionOrigin && typeof transactionOrigin === 'object' && 'socketId' in transactionOrigin) return;
    await this.store.append(documentName, update);
  }

  /**
   * Hocuspocus' debounced store (2 s after the last change, and on unload): fold the log.
   * Every update is in the log already, so a failed fold loses nothing; it is logged, not
   * thrown (Hocuspocus leaves a rejection of the unload-time store unhandled).
   */
  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    try {
      await this.store.compact(documentName);
    } catch (e) {
      console.error(`update log: folding ${documentName} failed, its log stays as it is: ${(e as Error).message}`);
    }
  }
}
