import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import type { CollabEngine, DeskSession, ServerReply } from '../../electron/services/collab/types';
import type { RemoteEdition } from '../../shared/collab/protocol';
import type { Role } from '../../shared/collab/roles';
import { soloStatus } from '../../electron/services/collab/solo-status';

// A stand-in desk server and desk engines for the mirror's unit tests (the real ones are
// the server and engine streams'): shared documents are Y.Docs in a Map, every desk's copy
// kept in step with them at once; the HTTP part (editions, photos by sha256) is a real
// loopback HTTP server speaking shared/collab/protocol.ts's paths.

const RELAY = Symbol('relay');

export class MemoryServer {
  readonly docs = new Map<string, Y.Doc>();
  readonly photos = new Map<string, Buffer>();
  readonly editions = new Map<string, RemoteEdition>();
  readonly puts: string[] = [];
  private http: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.http = createServer((req, res) => {
      void this.serve(req).then(({ status, json, bytes }) => {
        if (json !== undefined) { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(json)); }
        else if (bytes) { res.writeHead(status, { 'content-type': 'application/octet-stream' }); res.end(bytes); }
        else { res.writeHead(status); res.end(); }
      });
    });
    await new Promise<void>((r) => this.http!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.http!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.http?.close(() => r()));
  }

  doc(name: string): Y.Doc {
    let d = this.docs.get(name);
    if (!d) { d = new Y.Doc(); this.docs.set(name, d); }
    return d;
  }

  private async serve(req: IncomingMessage): Promise<ServerReply> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '';
    if (path === '/api/editions' && req.method === 'GET') return { status: 200, json: [...this.editions.values()] };
    if (path === '/api/editions' && req.method === 'POST') {
      const b = JSON.parse(body.toString('utf8')) as { id: string; title: string; issueDate: string };
      const known = this.editions.get(b.id);
      if (known) return { status: 200, json: known };
      const user = /^Bearer token-([^-]+)-/.exec(req.headers.authorization ?? '')?.[1] ?? '?';
      const e = { ...b, publishedBy: user, publishedAt: new Date().toISOString() };
      this.editions.set(b.id, e);
      return { status: 201, json: e };
    }
    const m = /^\/api\/photos\/([0-9a-f]{64})$/.exec(path);
    if (m) {
      const sha = m[1]!;
      if (req.method === 'HEAD') return { status: this.photos.has(sha) ? 200 : 404 };
      if (req.method === 'GET') return this.photos.has(sha) ? { status: 200, bytes: this.photos.get(sha) } : { status: 404 };
      if (req.method === 'PUT') {
        if (createHash('sha256').update(body).digest('hex') !== sha) return { status: 422, json: { error: 'HASH_MISMATCH' } };
        this.puts.push(sha);
        this.photos.set(sha, body);
        return { status: 201, json: { sha256: sha, stored: true } };
      }
    }
    return { status: 404, json: { error: 'NOT_FOUND' } };
  }
}

/** A desk's engine on a MemoryServer: its own Y.Doc per name, synced both ways on every update. */
export class MemoryEngine implements CollabEngine {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly listeners = new Set<(name: string, doc: Y.Doc, fromServer: boolean) => void>();
  private readonly sess: DeskSession;

  constructor(private readonly server: MemoryServer, user: string, role: Role = 'chief') {
    this.sess = { url: server.url, user, role, fingerprint: 'AA:'.repeat(31) + 'AA', token: `token-${user}-0123456789abcdef` };
  }

  async status() { return soloStatus(); }
  async connect(): Promise<never> { throw new Error('memory engine: connected from the start'); }
  async disconnect() { return soloStatus(); }
  session(): DeskSession | null { return this.sess; }

  async request(method: 'GET' | 'POST' | 'PUT' | 'HEAD', path: string, body?: unknown): Promise<ServerReply> {
    const raw = body instanceof Uint8Array;
    const res = await fetch(this.server.url + path, {
      method,
      headers: { authorization: `Bearer ${this.sess.token}`, 'content-type': raw ? 'application/octet-stream' : 'application/json' },
      body: body === undefined ? undefined : raw ? Buffer.from(body) : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    if (method === 'HEAD') return { status: res.status };
    if (type.includes('json')) return { status: res.status, json: await res.json() };
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  async openDoc(name: string): Promise<Y.Doc> {
    const known = this.docs.get(name);
    if (known) return known;
    const local = new Y.Doc();
    const remote = this.server.doc(name);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote), RELAY);
    local.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== RELAY) Y.applyUpdate(remote, update, this);
      for (const l of this.listeners) l(name, local, origin === RELAY);
    });
    remote.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) Y.applyUpdate(local, update, RELAY);
    });
    this.docs.set(name, local);
    return local;
  }

  onDocChange(listener: (name: string, doc: Y.Doc, fromServer: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    for (const d of this.docs.values()) d.destroy();
  }
}
