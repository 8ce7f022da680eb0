import type { Extension } from '@hocuspocus/server';
import type { DocStore } from './doc-store';

// What createDeskServer takes and returns (desk-server.ts). Tests, the `serve` verb and
// the scale stream (PostgreSQL store, Redis extension) all start a server through this.

export interface DeskServerOptions {
  /** The server's own folder: desk.db (accounts, sessions, editions, sign-offs, audit), docs.db, photos/, tls/. */
  dataDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** PEM certificate and key given by the admin; without them a self-signed pair is made once into DATA/tls. */
  tls?: { cert: string; key: string };
  /** Default: SQLite in DATA/docs.db. */
  store?: DocStore;
  /** More Hocuspocus extensions (e.g. @hocuspocus/extension-redis for several instances). */
  extensions?: Extension[];
  /** No start-up lines on stdout. */
  quiet?: boolean;
  /** How often open connections' sessions are checked again (session-sweep.ts); default 30 s. */
  sessionSweepMs?: number;
}

export interface DeskServer {
  /** https://host:port */
  url: string;
  port: number;
  /** SHA-256 of the certificate, as X509Certificate#fingerprint256 gives it (AB:CD:…). */
  fingerprint: string;
  /** The PEM certificate, for clients that trust it as their CA (tests). */
  certPem: string;
  close(): Promise<void>;
}
