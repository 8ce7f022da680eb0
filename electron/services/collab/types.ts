import type * as Y from 'yjs';
import type { Role } from '../../../shared/collab/roles';
import type { CollabStatus, SignOff } from '../../../shared/contract/collab-schemas';
import type { ParsedInput, Output } from '../../../shared/contract/contract';

// The desk's connection to a desk server (issue 12), as the rest of main sees it. One
// engine per running desk: it holds the session and the pinned certificate, keeps every
// shared document on this desk's disk (so a restart offline loses nothing) and in sync
// with the server while it answers.

export interface DeskSession {
  url: string;
  user: string;
  role: Role;
  /** SHA-256 fingerprint of the server certificate this desk pinned on first connection. */
  fingerprint: string;
  token: string;
}

export interface ServerReply {
  status: number;
  /** Parsed JSON body, when the reply was JSON. */
  json?: unknown;
  bytes?: Uint8Array;
}

export interface CollabEngine {
  status(editionDir?: string): Promise<CollabStatus>;
  connect(input: ParsedInput<'collab:connect'>): Promise<Output<'collab:connect'>>;
  disconnect(): Promise<CollabStatus>;
  /** Drops the pinned certificate of `url` and, when it is the server set up, its saved session (local copies stay). */
  forget?(url: string): Promise<CollabStatus>;
  /** The current session, or null in solo use. */
  session(): DeskSession | null;
  /**
   * One HTTPS call to the desk server with the session token and the pinned certificate.
   * Throws AppError SERVER_UNREACHABLE / SESSION_EXPIRED / CERT_MISMATCH; other statuses are returned.
   */
  request(method: 'GET' | 'POST' | 'PUT' | 'HEAD', path: string, body?: unknown): Promise<ServerReply>;
  /**
   * A shared document by name (shared/collab/doc-names.ts): loaded from this desk's copy,
   * synced with the server while online. The same Y.Doc serves the renderer's socket.
   */
  openDoc(name: string): Promise<Y.Doc>;
  /**
   * Called after every change to a shared document this desk has open, whoever made it: the
   * renderer through main's socket, main itself, or someone else through the server
   * (`fromServer`). The mirror writes the edition files from here.
   */
  onDocChange(listener: (name: string, doc: Y.Doc, fromServer: boolean) => void): () => void;
  close(): Promise<void>;
  /** After a sign-off or reopen made through this desk: status shows it before the next answer from the server. */
  rememberSignOff?(remoteId: string, pageId: string, value: SignOff | null): void;
}
