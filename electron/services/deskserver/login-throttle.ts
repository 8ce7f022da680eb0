// Slows password guessing at POST /api/login: after MAX_FAILS wrong passwords for one
// name from one address, that pair waits LOCK_MS. In memory: a restart forgets, which is
// fine for a LAN server an admin restarts by hand.

const MAX_FAILS = 5;
const LOCK_MS = 60_000;

export class LoginThrottle {
  private readonly fails = new Map<string, { count: number; until: number }>();

  allow(key: string, now = Date.now()): boolean {
    const f = this.fails.get(key);
    return !f || f.count < MAX_FAILS || f.until <= now;
  }

  failed(key: string, now = Date.now()): void {
    const f = this.fails.get(key);
    const count = f && f.until > now ? f.count + 1 : 1;
    this.fails.set(key, { count, until: now + LOCK_MS });
    if (this.fails.size > 10_000) this.fails.clear(); // a flood of names must not grow memory without bound
  }

  succeeded(key: string): void {
    this.fails.delete(key);
  }
}
