import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../../shared/collab/roles';
import type { SessionUser } from '../../../shared/collab/protocol';
import type { Sqlite } from './sqlite';

// Accounts and sessions of a desk server. Passwords: crypto.scrypt with a random salt and
// the parameters stored beside the hash. Sessions: a random token handed to the desk once;
// only its sha256 is stored, with an expiry.

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };
/** A shift and a half: a desk logged in at the start of a day does not drop out before the paper closes. */
export const SESSION_MS = 36 * 3600 * 1000;

interface ScryptParams { N: number; r: number; p: number; keylen: number }

function hashPassword(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(password.normalize('NFC'), salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }, (e, key) => (e ? fail(e) : done(key))),
  );
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class Accounts {
  constructor(private readonly db: Sqlite) {}

  async add(name: string, role: Role, password: string): Promise<void> {
    if (this.find(name)) throw new Error(`user ${name} exists`);
    const salt = randomBytes(16);
    const hash = await hashPassword(password, salt, SCRYPT);
    this.db.prepare('INSERT INTO users (name, role, salt, hash, params, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, role, salt, hash, JSON.stringify(SCRYPT), new Date().toISOString());
  }

  async setPassword(name: string, password: string): Promise<void> {
    if (!this.find(name)) throw new Error(`no user ${name}`);
    const salt = randomBytes(16);
    const hash = await hashPassword(password, salt, SCRYPT);
    // A new password ends every session of the old one.
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET salt = ?, hash = ?, params = ? WHERE name = ?').run(salt, hash, JSON.stringify(SCRYPT), name);
      this.db.prepare('DELETE FROM sessions WHERE user = ?').run(name);
    })();
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE name = ?').run(name).changes > 0;
  }

  list(): SessionUser[] {
    return this.db.prepare('SELECT name, role FROM users ORDER BY name').all() as SessionUser[];
  }

  find(name: string): SessionUser | null {
    return (this.db.prepare('SELECT name, role FROM users WHERE name = ?').get(name) as SessionUser | undefined) ?? null;
  }

  /** The user when the password is right, else null. An unknown name costs the same scrypt, so timing does not tell names apart. */
  async verify(name: string, password: string): Promise<SessionUser | null> {
    const row = this.db.prepare('SELECT name, role, salt, hash, params FROM users WHERE name = ?').get(name) as
      | { name: string; role: Role; salt: Buffer; hash: Buffer; params: string }
      | undefined;
    const params: ScryptParams = row ? (JSON.parse(row.params) as ScryptParams) : SCRYPT;
    const key = await hashPassword(password, row?.salt ?? randomBytes(16), params);
    if (!row || key.length !== row.hash.length || !timingSafeEqual(key, row.hash)) return null;
    return { name: row.name, role: row.role };
  }

  openSession(name: string, now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.db.prepare('INSERT INTO sessions (token_hash, user, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), name, now + SESSION_MS);
    return token;
  }

  /** The session's user, or null for a missing, unknown or expired token. The role is read now, so a changed role counts at once. */
  session(token: string | undefined, now = Date.now()): SessionUser | null {
    if (!token || token.length > 200) return null;
    const row = this.db.prepare('SELECT u.name AS name, u.role AS role, s.expires_at AS exp FROM sessions s JOIN users u ON u.name = s.user WHERE s.token_hash = ?')
      .get(tokenHash(token)) as { name: string; role: Role; exp: number } | undefined;
    if (!row || row.exp <= now) return null;
    return { name: row.name, role: row.role };
  }

  closeSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}
