import { randomBytes } from 'node:crypto';
import { access, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type * as Y from 'yjs';
import { LoginResponse } from '../../../shared/collab/protocol';
import type { CollabStatus } from '../../../shared/contract/collab-schemas';
import type { ParsedInput, Output } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/contract/errors';
import { appError, messageFor } from '../../../shared/contract/messages';
import type { ErrorCode } from '../../../shared/contract/errors';
import { legacyServerFolder, readCollabSettings, serverFolder, serverKey, writeCollabSettings, type CollabSettings, type CollabSettingsFile } from './collab-settings';
import { LoopbackSocket } from './loopback';
import { fetchServerPin, type Pin } from './pinned-tls';
import { callServer } from './server-request';
import { SharedDocs } from './shared-docs';
import { readSharedMarker } from './shared-marker';
import { SignedCache } from './signed-cache';
import type { CollabEngine, DeskSession, ServerReply } from './types';
import { Upstream } from './upstream';

// Main's CollabEngine (issue 12): the session and pinned certificate (collab-settings.ts),
// the shared documents on this desk's disk (shared-docs.ts), the one socket to the server
// (upstream.ts) and the renderer's loopback socket (loopback.ts). Nothing is opened to any
// server until the user connects once; after that the desk reconnects by itself at start.

export interface DeskEngine extends CollabEngine {
  /** Where the renderer's provider connects (the host's /collab), and the token it must send. */
  setSocket(url: string, token: string): void;
  /** An upgrade on /collab that already passed the host's Host / Origin checks. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface EngineOptions {
  userData: string;
}

export async function createCollabEngine(opts: EngineOptions): Promise<DeskEngine> {
  let file: CollabSettingsFile = { server: null, pins: {} };
  let broken: string | null = null;
  try {
    file = await readCollabSettings(opts.userData);
  } catch (e) {
    // Never written over: the desk runs solo and says why until someone mends the file.
    broken = e instanceof Error ? e.message : String(e);
  }
  let socket = { url: '', token: randomBytes(24).toString('base64url') };
  let docs: SharedDocs | null = null;
  let loopback: LoopbackSocket | null = null;
  let upstream: Upstream | null = null;
  let problem: ErrorCode | null = null;
  /** Documents whose last update the server refused (role, or a signed page). */
  const refused = new Set<string>();
  const signedCache = new SignedCache();
  const changeListeners = new Set<Parameters<CollabEngine['onDocChange']>[0]>();

  const pinOf = (s: CollabSettings): Pin => ({ fingerprint: s.fingerprint, pem: s.pem });
  const save = async (next: CollabSettingsFile) => {
    if (broken) throw appError('INTERNAL', broken);
    await writeCollabSettings(opts.userData, next);
    file = next;
  };

  /** The documents of the configured server and user (one folder per server, certificate and user). */
  const ensureDocs = (s: CollabSettings): SharedDocs => {
    if (!docs) {
      docs = new SharedDocs(join(opts.userData, 'collab', serverFolder(s.url, s.fingerprint, s.user)), () => socket.token);
      loopback = new LoopbackSocket(docs.hocuspocus);
      for (const l of changeListeners) docs.onChange(l);
    }
    return docs;
  };

  const startUpstream = async (s: CollabSettings) => {
    const d = ensureDocs(s);
    if (upstream || !s.token) return;
    upstream = new Upstream({
      url: s.url, pin: pinOf(s), token: s.token,
      onStatus: (online) => { if (online && (problem === 'SERVER_UNREACHABLE' || problem === 'CERT_MISMATCH')) problem = null; },
      onAuthFailed: (name, reason) => { problem = 'SESSION_EXPIRED'; console.error(`[collab] ${name}: ${reason}`); },
      onApplied: (name, applied) => {
        if (applied) refused.delete(name);
        else refused.add(name);
      },
      onNotice: (_name, payload) => signedCache.notice(payload),
      onCertFailure: (message) => {
        if (problem !== 'CERT_MISMATCH') console.error(`[collab] ${s.url}: ${message}`);
        problem = 'CERT_MISMATCH';
      },
      onOtherFailure: () => { if (problem === 'CERT_MISMATCH') problem = null; },
    });
    d.setUpstream(upstream);
    await d.openPending();
  };

  const stopUpstream = () => {
    docs?.setUpstream(null);
    upstream?.destroy();
    upstream = null;
    // The next session (maybe another user, another role) starts without old refusals.
    refused.clear();
  };

  const closeDocs = async () => {
    const d = docs;
    const lb = loopback;
    docs = null;
    loopback = null;
    await d?.close();
    await lb?.close();
  };

  const request = async (method: 'GET' | 'POST' | 'PUT' | 'HEAD', path: string, body?: unknown, timeoutMs?: number): Promise<ServerReply> => {
    const s = file.server;
    if (!s || !s.token) throw appError('NOT_SHARED', 'no session');
    let reply: ServerReply;
    try {
      reply = await callServer({ url: s.url, pin: pinOf(s), token: s.token, method, path, body, ...(timeoutMs ? { timeoutMs } : {}) });
    } catch (e) {
      if (e instanceof AppError) problem = e.code;
      throw e;
    }
    if (reply.status === 401) {
      problem = 'SESSION_EXPIRED';
      throw appError('SESSION_EXPIRED', `${method} ${path}`);
    }
    if (problem === 'SERVER_UNREACHABLE' || problem === 'CERT_MISMATCH') problem = null;
    return reply;
  };

  const status = async (editionDir?: string): Promise<CollabStatus> => {
    const s = file.server;
    const marker = editionDir ? await readSharedMarker(editionDir) : null;
    const online = upstream?.online ?? false;
    let signed: CollabStatus['signed'] = {};
    if (s && marker) signed = await signedCache.pages(marker.remoteId, online && s.token ? (p) => request('GET', p, undefined, 3000) : null);
    const shownProblem: ErrorCode | null = broken ? 'INTERNAL' : problem ?? (s && !online ? 'SERVER_UNREACHABLE' : signedCache.refusedProblem(refused));
    return {
      server: s ? { url: s.url, user: s.user, role: s.role, fingerprint: s.fingerprint } : null,
      online,
      pending: docs?.pending() ?? 0,
      socket: s && socket.url ? { url: socket.url, token: socket.token } : null,
      remoteId: marker?.remoteId ?? null,
      signed,
      problem: shownProblem ? { code: shownProblem, message: messageFor(shownProblem) } : null,
    };
  };

  const engine: DeskEngine = {
    status,
    session: (): DeskSession | null => {
      const s = file.server;
      return s && s.token ? { url: s.url, user: s.user, role: s.role, fingerprint: s.fingerprint, token: s.token } : null;
    },
    async connect(input: ParsedInput<'collab:connect'>): Promise<Output<'collab:connect'>> {
      if (broken) throw appError('INTERNAL', broken);
      const url = new URL(input.url).origin;
      const presented = await fetchServerPin(url);
      const pinned = file.pins[serverKey(url)];
      if (pinned && pinned.fingerprint !== presented.fingerprint) {
        // The badge says so too while this server is the one set up (not only this dialog).
        if (file.server && serverKey(file.server.url) === serverKey(url)) problem = 'CERT_MISMATCH';
        throw appError('CERT_MISMATCH', `${url} presents ${presented.fingerprint}; this desk pinned ${pinned.fingerprint}`);
      }
      if (!pinned) {
        if (!input.trust) return { state: 'trust', fingerprint: presented.fingerprint, url };
        if (input.trust !== presented.fingerprint) {
          throw appError('CERT_MISMATCH', `${url} presents ${presented.fingerprint}, not the ${input.trust} you accepted`);
        }
        await save({ ...file, pins: { ...file.pins, [serverKey(url)]: presented } });
      }
      const pin = pinned ?? presented;
      // The password goes only over the pinned connection: checked in the handshake, before any byte.
      const reply = await callServer({ url, pin, method: 'POST', path: '/api/login', body: { name: input.name, password: input.password } });
      if (reply.status === 401 || reply.status === 403) throw appError('LOGIN_FAILED', `HTTP ${reply.status}`);
      const login = LoginResponse.safeParse(reply.json);
      if (reply.status < 200 || reply.status > 299 || !login.success) throw appError('SERVER_UNREACHABLE', `login answered HTTP ${reply.status}`);
      // Another server, certificate or user: another folder of local copies (serverFolder),
      // so one user's pending changes are never sent under another user's session.
      const changedServer = file.server && (serverKey(file.server.url) !== serverKey(url) || file.server.fingerprint !== pin.fingerprint
        || file.server.user !== login.data.user.name);
      stopUpstream();
      if (changedServer) await closeDocs();
      const next: CollabSettings = { url, user: login.data.user.name, role: login.data.user.role, fingerprint: pin.fingerprint, pem: pin.pem, token: login.data.token };
      await save({ ...file, server: next });
      problem = null;
      await startUpstream(next);
      return { state: 'connected', status: await status() };
    },
    async disconnect(): Promise<CollabStatus> {
      const s = file.server;
      if (s?.token) await request('POST', '/api/logout', {}, 2000).catch(() => undefined);
      stopUpstream();
      await closeDocs();
      problem = null;
      // The pin stays: the next connection to this address must show the same certificate.
      if (s) await save({ ...file, server: null });
      return status();
    },
    async forget(rawUrl: string): Promise<CollabStatus> {
      if (broken) throw appError('INTERNAL', broken);
      const key = serverKey(new URL(rawUrl).origin);
      const s = file.server;
      const current = s !== null && serverKey(s.url) === key;
      // A logout only over the pinned certificate, and only when it still answers with it.
      if (current && s.token && problem !== 'CERT_MISMATCH') await request('POST', '/api/logout', {}, 2000).catch(() => undefined);
      if (current) {
        stopUpstream();
        await closeDocs();
        problem = null;
      }
      const { [key]: _forgotten, ...pins } = file.pins;
      // The local copies stay on disk (under this certificate's folder): trusting the same
      // certificate again brings them and their pending changes back.
      await save({ server: current ? null : file.server, pins });
      return status();
    },
    request: (method, path, body) => request(method, path, body),
    async openDoc(name: string): Promise<Y.Doc> {
      const s = file.server;
      if (!s) throw appError('NOT_SHARED', 'no server set up');
      return ensureDocs(s).get(name);
    },
    onDocChange(listener) {
      // Listeners outlive a reconnect: keep them and hand them to each SharedDocs.
      changeListeners.add(listener);
      const off = docs?.onChange(listener);
      return () => { changeListeners.delete(listener); off?.(); };
    },
    rememberSignOff: (remoteId, pageId, value) => signedCache.remember(remoteId, pageId, value),
    setSocket(url, token) { socket = { url, token }; },
    upgrade(req, sock, head) {
      if (!loopback) { sock.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n'); return; }
      loopback.upgrade(req, sock, head);
    },
    async close() {
      stopUpstream();
      await closeDocs();
    },
  };
  // Builds before per-user copies kept one folder per server and certificate; its
  // documents belong to the user whose session was saved then.
  if (file.server) {
    const root = join(opts.userData, 'collab');
    const legacy = join(root, legacyServerFolder(file.server.url, file.server.fingerprint));
    const mine = join(root, serverFolder(file.server.url, file.server.fingerprint, file.server.user));
    const there = (p: string) => access(p).then(() => true, () => false);
    if ((await there(legacy)) && !(await there(mine))) await rename(legacy, mine).catch((e: unknown) => console.error('[collab] move local copies:', e));
  }
  // A desk that was connected reconnects at start (offline first: failures only show in status).
  if (file.server?.token) await startUpstream(file.server).catch((e: unknown) => console.error('[collab] start:', e));
  return engine;
}
