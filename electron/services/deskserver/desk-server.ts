import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { docName } from '../../../shared/collab/doc-names';
import type { ServerNotice } from '../../../shared/collab/server-notice';
import { Accounts } from './accounts';
import { openDeskDb } from './desk-db';
import { applyPageState, authenticate } from './doc-access';
import type { DocStore } from './doc-store';
import { handleApi } from './http-api';
import { HttpError, sendJson } from './http-util';
import { LoginThrottle } from './login-throttle';
import { messageGuard } from './message-guard';
import { persistenceExtension } from './persistence';
import { PhotoStore } from './photo-store';
import type { DeskServer, DeskServerOptions } from './server-options';
import { sweepSessions, SWEEP_MS } from './session-sweep';
import { EditionRecords } from './signoffs';
import { createSqliteDocStore } from './sqlite-doc-store';
import { loadOrCreateTls } from './tls';

export type { DeskServer, DeskServerOptions } from './server-options';

/** One WebSocket frame can carry a pasted story, not a disk image. */
const MAX_WS_PAYLOAD = 32 * 1024 * 1024;
/** How long a socket may stay open without authenticating any document. */
const AUTH_WAIT_MS = 30_000;
/** How long close() waits for Hocuspocus to store and unload the open documents. */
const CLOSE_WAIT_MS = 5000;

/**
 * The desk server (issue 12): Hocuspocus on our own HTTPS server, with the JSON API of
 * shared/collab/protocol.ts on the same port. Resolves once it listens.
 */
export async function createDeskServer(opts: DeskServerOptions): Promise<DeskServer> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const tls = await loadOrCreateTls(opts.dataDir, opts.tls);
  const db = openDeskDb(opts.dataDir);
  const accounts = new Accounts(db);
  const records = new EditionRecords(db);
  const store: DocStore = opts.store ?? createSqliteDocStore(join(opts.dataDir, 'docs.db'));
  const photos = new PhotoStore(join(opts.dataDir, 'photos'));

  // Sockets on which some document was authenticated; one that authenticates none within
  // AUTH_WAIT_MS is closed, so idle unauthenticated sockets cannot pile up.
  const authedRequests = new WeakSet<IncomingMessage>();
  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions: [messageGuard(), persistenceExtension(store), ...(opts.extensions ?? [])],
    onAuthenticate: async (data) => {
      const context = authenticate(accounts, records, data);
      authedRequests.add(data.request);
      return context;
    },
  });

  let searcher: Promise<import('../catalog/server-search').ServerSearch> | null = null;
  const apiDeps = {
    accounts,
    records,
    photos,
    throttle: new LoginThrottle(),
    onPageState(editionId: string, pageId: string, signed: boolean, notice: ServerNotice) {
      applyPageState(hocuspocus.documents, docName({ kind: 'page', editionId, pageId }), signed, notice);
    },
    // Archive search over the store (issue 16): SQLite stores only; the catalogue (jieba
    // and its dictionary) is loaded on the first search, not at start.
    ...(opts.store ? {} : {
      search: async (query: string, options: { kind?: 'photo' | 'story' | 'page' | 'edition'; limit?: number }) => {
        searcher ??= import('../catalog/server-search').then((m) => new m.ServerSearch(opts.dataDir));
        return (await searcher).search(query, options);
      },
    }),
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handleApi(apiDeps, req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      // A refusal before the body was read (too large, no session): close the connection
      // after answering, or a keep-alive client would send its next request into the
      // leftover body the server is still waiting for.
      if (!req.complete) res.setHeader('connection', 'close');
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.code, message: e.message });
      console.error('desk server:', e);
      sendJson(res, 500, { error: 'INTERNAL' });
    });
  };
  const server: Server = createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, onRequest);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_PAYLOAD });
  server.on('upgrade', (req, socket, head) => {
    // Anyone may open the socket; no document is reached before onAuthenticate checks the
    // session token the provider sends for that document.
    wss.handleUpgrade(req, socket, head, (ws) => {
      const timer = setTimeout(() => authedRequests.has(req) || ws.close(4401, 'session'), AUTH_WAIT_MS);
      timer.unref();
      ws.once('close', () => clearTimeout(timer));
      hocuspocus.handleConnection(ws, req);
    });
  });

  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(opts.port, opts.host, () => done());
    });
  } catch (e) {
    // Port taken, address not ours: leave the databases closed, not locked by a dead server.
    await store.close();
    db.close();
    throw e;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const url = `https://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;

  if (!opts.quiet) {
    // Scripts (and the durability test) read these two lines; keep their form.
    console.log(`EDITION_DESK_SERVER=${url}`);
    console.log(`SHA256_FINGERPRINT=${tls.fingerprint}`);
    console.log(`documents: ${store.kind}`);
  }
  const sweep = setInterval(() => sweepSessions(hocuspocus, accounts, records), opts.sessionSweepMs ?? SWEEP_MS);
  sweep.unref();
  const compactAll = () => Promise.all([...hocuspocus.documents.values()].map((d) => store.compact(d.name, Y.encodeStateAsUpdate(d))));
  let closed = false;
  return {
    url,
    port,
    fingerprint: tls.fingerprint,
    certPem: tls.cert,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      // Each open document is whole in memory: compact its log now. Hocuspocus would store
      // only documents with changes pending and unload the others as they are.
      await compactAll();
      // Then the connections: Hocuspocus runs any pending onStoreDocument and unloads each
      // document. Waited for, so no hook writes into a closed store.
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await stopped;
      const deadline = Date.now() + CLOSE_WAIT_MS;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // Whatever is still loaded (a hook still running), once more.
      await compactAll();
      await store.close();
      db.close();
      (await searcher?.catch(() => null))?.close();
    },
  };
}
