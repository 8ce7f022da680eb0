import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '../../../shared/collab/doc-names';
import { DocLog, parseLog } from './doc-log';
import { sameToken } from './loopback';
import type { Upstream, UpstreamDoc } from './upstream';
import { readFile } from 'node:fs/promises';

// The shared documents open on this desk. Main's Hocuspocus instance is their registry:
// a document is loaded once (onLoadDocument: from this desk's log on disk), and that one
// Y.Doc is what the renderer's socket edits, what openDoc() hands to main's services and
// what the upstream provider syncs with the server. A loaded document is held (a direct
// connection count) until the engine closes, so it keeps syncing when no window has it.

const FROM_DISK = Symbol('from-disk');

export interface OpenShared {
  name: string;
  doc: Document;
  log: DocLog;
  upstream: UpstreamDoc | null;
}

export type ChangeListener = (name: string, doc: Y.Doc, fromServer: boolean) => void;

export const docFile = (folder: string, name: string) => join(folder, `${encodeURIComponent(name)}.ydoc`);

export class SharedDocs {
  readonly hocuspocus: Hocuspocus;
  readonly open = new Map<string, OpenShared>();
  private listeners = new Set<ChangeListener>();
  private upstream: Upstream | null = null;

  constructor(private readonly folder: string, private readonly socketToken: () => string) {
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      // No persistence hooks: the log below writes every update as it happens.
      onAuthenticate: async ({ token, documentName }) => {
        if (!sameToken(token, this.socketToken())) throw new Error('wrong token');
        if (!parseDocName(documentName)) throw new Error('unknown document');
      },
      onLoadDocument: async ({ document, documentName }) => {
        await this.load(documentName, document);
      },
    });
  }

  private async load(name: string, doc: Document): Promise<void> {
    if (!parseDocName(name)) throw new Error(`unknown document ${name}`);
    const { log, state } = await DocLog.open(docFile(this.folder, name));
    Y.applyUpdate(doc, state, FROM_DISK);
    log.stateOf = () => Y.encodeStateAsUpdate(doc);
    const entry: OpenShared = { name, doc, log, upstream: null };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_DISK) return;
      const fromServer = entry.upstream !== null && origin === entry.upstream.provider;
      log.appendUpdate(update, !fromServer);
      for (const l of this.listeners) {
        try { l(name, doc, fromServer); } catch (e) { console.error('[collab] change listener:', e); }
      }
    });
    doc.addDirectConnection();
    this.open.set(name, entry);
    if (this.upstream) this.attach(entry, this.upstream);
  }

  private attach(entry: OpenShared, upstream: Upstream): void {
    entry.upstream = upstream.attach(entry.name, entry.doc, entry.doc.awareness, () => entry.log.ack());
  }

  /** A document by name, loaded from disk when not open yet. */
  async get(name: string): Promise<Document> {
    if (!parseDocName(name)) throw new Error(`unknown document ${name}`);
    return this.hocuspocus.createDocument(name, {}, 'engine', { isAuthenticated: true, readOnly: false });
  }

  /** Opens every document on disk with local changes the server has not acknowledged. */
  async openPending(): Promise<void> {
    let names: string[] = [];
    try {
      names = (await readdir(this.folder)).filter((f) => f.endsWith('.ydoc')).map((f) => decodeURIComponent(f.slice(0, -5)));
    } catch {
      return;
    }
    for (const name of names) {
      if (this.open.has(name) || !parseDocName(name)) continue;
      const { pending } = parseLog(await readFile(docFile(this.folder, name)));
      if (pending > 0) await this.get(name);
    }
  }

  setUpstream(upstream: Upstream | null): void {
    this.upstream = upstream;
    for (const entry of this.open.values()) {
      entry.upstream = null;
      if (upstream) this.attach(entry, upstream);
    }
  }

  /** Changes the server has not acknowledged, over all open documents. */
  pending(): number {
    let n = 0;
    for (const e of this.open.values()) n += e.upstream?.synced() ? e.upstream.unsynced() : e.log.pending;
    return n;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.hocuspocus.closeConnections();
    await Promise.all([...this.open.values()].map((e) => e.log.close()));
    for (const e of this.open.values()) e.doc.destroy();
    this.open.clear();
    this.listeners.clear();
  }
}
