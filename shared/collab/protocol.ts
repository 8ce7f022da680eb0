import { z } from 'zod';
import { Id } from '../document/ids';
import { ROLES } from './roles';

// The desk server's HTTP API, beside its Hocuspocus WebSocket on the same TLS port.
// Every call but login carries `Authorization: Bearer <session token>`; the WebSocket
// sends the same token as Hocuspocus' auth token. Bodies are JSON (photos: raw bytes).
//   POST /api/login            LoginRequest → LoginResponse
//   POST /api/logout
//   GET  /api/me               → SessionUser
//   GET  /api/editions         → RemoteEdition[]
//   POST /api/editions         PublishRequest → RemoteEdition        (layout, chief)
//   HEAD /api/photos/<sha256>  200 when the server has it (upload once)
//   PUT  /api/photos/<sha256>  raw bytes; refused unless they hash to <sha256>
//   GET  /api/photos/<sha256>  raw bytes
//   GET  /api/signoffs?edition=<id>   → SignOff[]  (current state per page)
//   POST /api/signoff          SignOffRequest → SignOff               (chief)
//   POST /api/reopen           ReopenRequest                          (chief)
//   GET  /api/audit?edition=<id>      → AuditEntry[] (oldest first)

export const DEFAULT_PORT = 7700;
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const UserName = z.string().regex(/^[\p{L}\p{N}._-]{1,40}$/u, 'user name: letters, digits, . _ - (1–40)');
export const RoleSchema = z.enum(ROLES);

export const LoginRequest = z.object({ name: UserName, password: z.string().min(1).max(200) }).strict();
export const SessionUser = z.object({ name: UserName, role: RoleSchema });
export type SessionUser = z.infer<typeof SessionUser>;
export const LoginResponse = z.object({ token: z.string().min(20), user: SessionUser });

export const RemoteEdition = z.object({
  id: Id,
  title: z.string(),
  issueDate: z.string(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type RemoteEdition = z.infer<typeof RemoteEdition>;
export const PublishRequest = z.object({ id: Id, title: z.string().min(1).max(200), issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict();

export const SignOff = z.object({ editionId: Id, pageId: Id, round: z.number().int().min(1).max(99), by: z.string(), at: z.string() });
export type SignOff = z.infer<typeof SignOff>;
export const SignOffRequest = z.object({ editionId: Id, pageId: Id, round: z.number().int().min(1).max(99) }).strict();
export const ReopenRequest = z.object({ editionId: Id, pageId: Id }).strict();

export const AuditEntry = z.object({
  at: z.string(),
  user: z.string(),
  action: z.enum(['signoff', 'reopen']),
  editionId: Id,
  pageId: Id,
  round: z.number().int(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What the server's refusal of a document write looks like to a Hocuspocus client. */
export const READ_ONLY_REASON = 'read-only for this role';
