import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoginRequest, PublishRequest, ReopenRequest, Sha256, SignOffRequest, type SessionUser } from '../../../shared/collab/protocol';
import type { ServerNotice } from '../../../shared/collab/server-notice';
import { maySignOff } from '../../../shared/collab/roles';
import { Id } from '../../../shared/document/ids';
import type { Accounts } from './accounts';
import { bearer, HttpError, readJson, sendJson } from './http-util';
import type { LoginThrottle } from './login-throttle';
import type { PhotoStore } from './photo-store';
import type { EditionRecords } from './signoffs';

// The desk server's HTTP API (shared/collab/protocol.ts), beside the Hocuspocus WebSocket
// on the same TLS port. Every route but login needs a live session (401 otherwise) before
// it reads anything.

export interface ApiDeps {
  accounts: Accounts;
  records: EditionRecords;
  photos: PhotoStore;
  throttle: LoginThrottle;
  /** A page was signed or reopened: the server changes its open connections (doc-access.ts). */
  onPageState(editionId: string, pageId: string, signed: boolean, notice: ServerNotice): void;
  /** The archive catalogue of the store (issue 16); absent where it cannot be read (PostgreSQL). */
  search?(query: string, options: { kind?: 'photo' | 'story' | 'page' | 'edition'; limit?: number }): Promise<unknown[]>;
}

const SEARCH_KINDS = ['photo', 'story', 'page', 'edition'] as const;

const chiefOnly = (user: SessionUser) => {
  if (!maySignOff(user.role)) throw new HttpError(403, 'ROLE_REFUSED');
};

function editionParam(url: URL): string {
  const id = url.searchParams.get('edition');
  if (!id || !Id.safeParse(id).success) throw new HttpError(400, 'INVALID_ARGUMENT', 'edition=<id>');
  return id;
}

export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://desk');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === '/api/login' && method === 'POST') {
    const body = await readJson(req, LoginRequest);
    const who = `${req.socket.remoteAddress ?? ''}|${body.name}`;
    if (!deps.throttle.allow(who)) throw new HttpError(429, 'LOGIN_THROTTLED');
    const user = await deps.accounts.verify(body.name, body.password);
    if (!user) {
      deps.throttle.failed(who);
      throw new HttpError(401, 'LOGIN_FAILED');
    }
    deps.throttle.succeeded(who);
    return sendJson(res, 200, { token: deps.accounts.openSession(user.name), user });
  }

  const token = bearer(req);
  const user = deps.accounts.session(token);
  if (!user || !token) throw new HttpError(401, 'SESSION_EXPIRED');

  if (path === '/api/logout' && method === 'POST') {
    deps.accounts.closeSession(token);
    return sendJson(res, 200, { ok: true });
  }
  if (path === '/api/me' && method === 'GET') return sendJson(res, 200, user);
  if (path === '/api/editions' && method === 'GET') return sendJson(res, 200, deps.records.editions());
  if (path === '/api/editions' && method === 'POST') {
    if (user.role !== 'layout' && user.role !== 'chief') throw new HttpError(403, 'ROLE_REFUSED');
    const body = await readJson(req, PublishRequest);
    const { edition, created } = deps.records.publish(body, user.name);
    return sendJson(res, created ? 201 : 200, edition);
  }

  if (path === '/api/search' && method === 'GET') {
    // Any signed-in member of the centre may search what was published to the server.
    if (!deps.search) throw new HttpError(501, 'SEARCH_UNAVAILABLE');
    const q = url.searchParams.get('q') ?? '';
    const kind = url.searchParams.get('kind');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    if (!q.trim() || q.length > 200) throw new HttpError(400, 'INVALID_ARGUMENT', 'q=<query>, 1–200 characters');
    if (kind !== null && !(SEARCH_KINDS as readonly string[]).includes(kind)) throw new HttpError(400, 'INVALID_ARGUMENT', `kind is one of ${SEARCH_KINDS.join(', ')}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new HttpError(400, 'INVALID_ARGUMENT', 'limit is 1–500');
    return sendJson(res, 200, await deps.search(q, { ...(kind ? { kind: kind as (typeof SEARCH_KINDS)[number] } : {}), limit }));
  }

  const photo = /^\/api\/photos\/([^/]+)$/.exec(path);
  if (photo) return handlePhoto(deps, Sha256.safeParse(photo[1]).success ? photo[1]! : null, method, req, res);

  if (path === '/api/signoffs' && method === 'GET') return sendJson(res, 200, deps.records.signoffs(editionParam(url)));
  if (path === '/api/audit' && method === 'GET') return sendJson(res, 200, deps.records.auditLog(editionParam(url)));
  if (path === '/api/signoff' && method === 'POST') {
    chiefOnly(user);
    const body = await readJson(req, SignOffRequest);
    if (!deps.records.edition(body.editionId)) throw new HttpError(404, 'NOT_SHARED');
    const s = deps.records.sign(body.editionId, body.pageId, body.round, user.name);
    if (!s) throw new HttpError(409, 'PAGE_SIGNED');
    deps.onPageState(body.editionId, body.pageId, true, { event: 'signoff', editionId: s.editionId, pageId: s.pageId, round: s.round, by: s.by, at: s.at });
    return sendJson(res, 200, s);
  }
  if (path === '/api/reopen' && method === 'POST') {
    chiefOnly(user);
    const body = await readJson(req, ReopenRequest);
    const entry = deps.records.reopen(body.editionId, body.pageId, user.name);
    if (!entry) throw new HttpError(409, 'NOT_SIGNED');
    deps.onPageState(body.editionId, body.pageId, false, { event: 'reopen', editionId: entry.editionId, pageId: entry.pageId, round: entry.round, by: entry.user, at: entry.at });
    return sendJson(res, 200, entry);
  }
  throw new HttpError(404, 'NOT_FOUND');
}

async function handlePhoto(deps: ApiDeps, sha: string | null, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!sha) throw new HttpError(400, 'INVALID_ARGUMENT', 'photos are named by their sha256 (64 lowercase hex)');
  if (method === 'HEAD' || method === 'GET') {
    const size = await deps.photos.size(sha);
    if (size === null) throw new HttpError(404, 'NOT_FOUND');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff', 'content-length': size, etag: `"${sha}"`, 'cache-control': 'private, max-age=31536000, immutable' });
    if (method === 'HEAD') return void res.end();
    deps.photos.read(sha).pipe(res);
    return;
  }
  if (method === 'PUT') {
    // Any signed-in desk may upload: a photo is only bytes under its own hash and changes no
    // document; which photos an edition uses is the photos document, and that is role-checked.
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    const r = await deps.photos.put(sha, req, declared);
    if (r === 'too-large') throw new HttpError(413, 'TOO_LARGE');
    if (r === 'hash-mismatch') throw new HttpError(422, 'HASH_MISMATCH', 'the bytes do not hash to the name');
    return sendJson(res, r === 'stored' ? 201 : 200, { sha256: sha, stored: r === 'stored' });
  }
  throw new HttpError(405, 'METHOD_NOT_ALLOWED');
}
