import { z } from 'zod';
import { SignOff } from '../../../shared/collab/protocol';
import type { ErrorCode } from '../../../shared/contract/errors';
import { parseDocName } from '../../../shared/collab/doc-names';
import type { ServerReply } from './types';

// Signed-off pages per server edition, as last heard from the server: offline, a desk
// still shows which pages are 签发 (and so read-only) from its last answer. One per engine.

const SignOffs = z.array(SignOff);
const Notice = z.object({ event: z.enum(['signoff', 'reopen']), editionId: z.string(), pageId: z.string() }).passthrough();
/** The UI polls status; sign-offs are asked at most this often (the server's notices update the cache meanwhile). */
const REFRESH_MS = 2000;

export class SignedCache {
  private cache = new Map<string, Record<string, SignOff>>();
  private fetchedAt = new Map<string, number>();

  async pages(remoteId: string, fetch: ((path: string) => Promise<ServerReply>) | null): Promise<Record<string, SignOff>> {
    const last = this.fetchedAt.get(remoteId);
    if (fetch && (last === undefined || Date.now() - last >= REFRESH_MS)) {
      this.fetchedAt.set(remoteId, Date.now());
      try {
        const reply = await fetch(`/api/signoffs?edition=${encodeURIComponent(remoteId)}`);
        const list = SignOffs.safeParse(reply.json);
        if (reply.status >= 200 && reply.status < 300 && list.success) {
          this.cache.set(remoteId, Object.fromEntries(list.data.map((s) => [s.pageId, s])));
        }
      } catch {
        // Offline or refused: the last known state below.
      }
    }
    return this.cache.get(remoteId) ?? {};
  }

  /** After this desk's own sign-off or reopen, or a server notice, before the next answer. */
  remember(remoteId: string, pageId: string, value: SignOff | null): void {
    const next = { ...(this.cache.get(remoteId) ?? {}) };
    if (value) next[pageId] = value;
    else delete next[pageId];
    this.cache.set(remoteId, next);
  }

  /** The server's notice on a page document (sign-off, reopen): the cache follows at once. */
  notice(payload: string): void {
    let parsed;
    try { parsed = Notice.safeParse(JSON.parse(payload)); } catch { return; }
    if (!parsed.success) return;
    const n = parsed.data;
    if (n.event === 'reopen') return this.remember(n.editionId, n.pageId, null);
    const s = SignOff.safeParse(n);
    if (s.success) this.remember(n.editionId, n.pageId, s.data);
  }

  /** Why changes wait: a signed page (PAGE_SIGNED) or a document this role may not change (ROLE_REFUSED). */
  refusedProblem(refused: ReadonlySet<string>): ErrorCode | null {
    if (refused.size === 0) return null;
    for (const name of refused) {
      const ref = parseDocName(name);
      if (ref?.kind === 'page' && this.cache.get(ref.editionId)?.[ref.pageId]) return 'PAGE_SIGNED';
    }
    return 'ROLE_REFUSED';
  }
}
