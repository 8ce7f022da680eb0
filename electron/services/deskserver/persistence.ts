import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';

// Persistence of the shared documents as a Hocuspocus extension. Why not
// @hocuspocus/extension-database alone: its `store` runs from the debounced onStoreDocument
// (2 s, up to 10 s later), while Hocuspocus acknowledges each update as soon as it is
// applied; a SIGKILL in between would lose updates a desk had been told were saved. So each
// update is appended durably before the ack (see doc-store.ts for the two ways; the other
// desks get it at once, beforeHandleMessage says why), and onStoreDocument only compacts
// the log into one merged state.

/** The origin @hocuspocus/extension-redis gives updates relayed from another instance, which that instance has stored. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
/** Rows of a document's log past which loading compacts it at once. */
const COMPACT_ON_LOAD = 64;
// Hocuspocus' message types that carry y-protocols sync messages (MessageType.Sync, SyncReply).
const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a Hocuspocus message carries, or null for any other message (awareness, auth, step 1…). */
export function updateInMessage(data: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(data);
  decoding.readVarString(d); // document name
  const type = decoding.readVarUint(d);
  if (type !== SYNC && type !== SYNC_REPLY) return null;
  const step = decoding.readVarUint(d);
  if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(d);
}

export function persistenceExtension(store: DocStore): Extension {
  return {
    // Before any other extension loads or changes the document.
    priority: 1000,
    async onLoadDocument({ document, documentName }) {
      const updates = await store.load(documentName);
      // Applied before afterLoadDocument adds the append listener: loading writes nothing.
      if (updates.length) Y.applyUpdate(document, Y.mergeUpdates(updates), 'load');
      // A server killed again and again never reaches onStoreDocument; compacting a long log
      // here keeps the next load from replaying thousands of rows.
      if (updates.length > COMPACT_ON_LOAD) await store.compact(documentName, Y.encodeStateAsUpdate(document));
    },
    async afterLoadDocument({ document, documentName }) {
      if (store.appendBeforeApply) return;
      // Yjs fires 'update' synchronously inside applyUpdate, and Hocuspocus sends the ack
      // after applyUpdate returns: a synchronous durable append here is on disk before the ack.
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REDIS_ORIGIN) return;
        void store.append(documentName, update);
      });
    },
    async beforeHandleMessage({ connection, document, documentName, update: message }) {
      // A read-only connection's update is never applied (Hocuspocus answers it with
      // SyncStatus(false)): it reaches neither the store nor anyone else.
      if (!store.appendBeforeApply || connection.readOnly) return;
      const update = updateInMessage(message);
      // Only well-formed updates are kept: bytes Yjs cannot read would make the document unloadable.
      if (update === null) return;
      Y.decodeUpdate(update);
      // Relayed at once, acknowledged once on disk. Applying it here, with the connection as
      // origin exactly as Hocuspocus does, sends it to the other desks now; Hocuspocus' own
      // apply after this hook finds nothing new and only sends the SyncStatus ack. So the
      // other desks never wait on an fsync (collab-30-clients: p95 90 ms with the wait on a
      // busy disk, 3 ms without), and the promise the ack makes still holds: if the append
      // fails or the server dies first, the sender was not acknowledged and sends it again,
      // and the desks that already have it bring it back when they reconnect.
      Y.applyUpdate(document, update, connection);
      await store.append(documentName, update);
    },
    async onStoreDocument({ document, documentName }) {
      // Encoded and handed over in one tick: nothing is appended between the two.
      await store.compact(documentName, Y.encodeStateAsUpdate(document));
    },
  };
}
