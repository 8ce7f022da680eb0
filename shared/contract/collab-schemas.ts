import { z } from 'zod';
import { Id } from '../document/ids';
import { AuditEntry, RemoteEdition, RoleSchema, SignOff, UserName } from '../collab/protocol';

// The desk's side of the newsroom network (issue 12): what the renderer asks main about
// the desk server. Main holds the session and the pinned certificate; the renderer only
// gets the address of main's own loopback socket for the shared documents.

/** https://host[:port] of a desk server; no path, no credentials in the URL. */
export const ServerUrl = z.string().max(300).regex(/^https:\/\/[A-Za-z0-9.[\]:-]+(:\d{1,5})?\/?$/, 'server address: https://host[:port]');

/** SHA-256 fingerprint as Node prints it: 32 hex pairs joined by ':'. */
export const Fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

export const CollabStatus = z.object({
  /** The server this desk is set up for, null for solo use. */
  server: z.object({ url: z.string(), user: UserName, role: RoleSchema, fingerprint: Fingerprint }).nullable(),
  /** The server answers right now. */
  online: z.boolean(),
  /** Local changes the server has not acknowledged yet (all shared documents). */
  pending: z.number().int().min(0),
  /** Main's loopback socket for shared documents (Hocuspocus protocol), and the token it wants. */
  socket: z.object({ url: z.string(), token: z.string() }).nullable(),
  /** For the edition asked about: its id on the server when it is shared, else null. */
  remoteId: Id.nullable(),
  /** Signed-off pages of that edition (page id → sign-off), as last heard from the server. */
  signed: z.record(z.string(), SignOff),
  /** Why the server cannot be reached, in both languages, when it cannot. */
  problem: z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }).nullable(),
});
export type CollabStatus = z.infer<typeof CollabStatus>;

export const ConnectInput = z.object({
  url: ServerUrl,
  name: UserName,
  password: z.string().min(1).max(200),
  /** The fingerprint the user compared and accepted (first connection); absent → the server's is returned to show. */
  trust: Fingerprint.optional(),
}).strict();

/** A first connection answers with the certificate to compare before anything is sent. */
export const ConnectResult = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connected'), status: CollabStatus }),
  z.object({ state: z.literal('trust'), fingerprint: Fingerprint, url: z.string() }),
]);

export { AuditEntry, RemoteEdition, SignOff };
export const RemoteId = Id;
