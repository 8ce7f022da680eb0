// Where the desk server keeps its shared (Yjs) documents. SQLite is the default
// (sqlite-doc-store.ts); the scale stream plugs a PostgreSQL store in through the same
// interface (createDeskServer({ store })).
//
// The durability promise (issue 12): every update the server has ACKNOWLEDGED survives a
// SIGKILL. Hocuspocus acknowledges an update (the SyncStatus message the provider's
// `unsyncedChanges` counts down on) right after Y.applyUpdate returns, in the same tick
// (MessageReceiver.readSyncMessage in @hocuspocus/server 3.4.4). So:
//   - a store whose `append` returns a promise sets `appendBeforeApply: true`: the server
//     awaits `append` in Hocuspocus' beforeHandleMessage hook, before the update is
//     acknowledged (it is relayed to the other desks at once, persistence.ts says why). Both real stores do: SQLite (a writer thread with group commit,
//     sqlite-doc-store.ts) and PostgreSQL;
//   - a store whose `append` is synchronous and durable on return may instead be called from
//     the Y.Doc 'update' event, which Yjs fires inside applyUpdate, i.e. before the ack (the
//     bench's in-memory store uses this path).

export interface DocStore {
  /** For logs and the start-up line: "sqlite", "postgres", … */
  readonly kind: string;
  /** See the header: true when `append` is asynchronous and must finish before the update is acknowledged. */
  readonly appendBeforeApply?: boolean;
  /** Every persisted update of the document, oldest first (a compacted state counts as one); [] for a new document. */
  load(name: string): Promise<Uint8Array[]>;
  /** Records one Yjs update durably: when this returns (or its promise resolves) it survives a crash. */
  append(name: string, update: Uint8Array): void | Promise<void>;
  /**
   * Replaces every update appended before this call with `state` (the merged document),
   * atomically: a crash during compaction leaves either the old log or the new state.
   * Called from Hocuspocus' debounced onStoreDocument.
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
