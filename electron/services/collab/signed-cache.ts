import { z } from 'zod';
import { SignOff } from '../../../shared/collab/protocol';
import type { ServerReply } from './types';
import type { ErrorCode } from '../../../shared/contract/errors';
import { parseDocName } from '../../../shared/collab/doc-names';

// Signed-off pages per server edition, as last heard from the server: offline, a desk
// still shows which pages are 签发 (and so read-only) from its last answer.

const cache = new Map<string, Record<string, SignOff>>();
const SignOffs = z.array(SignOff);

export async function signedPages(remoteId: string, fetch: ((path: string) => Promise<ServerReply>) | null): Promise<Record<string, SignOff>> {
  if (fetch) {
    try {
      const reply = await fetch(`/api/signoffs?edition=${encodeURIComponent(remoteId)}`);
      const list = SignOffs.safeParse(reply.json);
      if (reply.status >= 200 && reply.status < 300 && list.success) {
        cache.set(remoteId, Object.fromEntries(list.data.map((s) => [s.pageId, s])));
      }
    } catch {
      // Offline or refused: the last known state below.
    }
  }
  return cache.get(remoteId) ?? {};
}

/** After this desk's own sign-off or reopen, before the next answer from the server. */
export function rememberSignOff(remoteId: string, pageId: string, value: SignOff | null): void {
  const next = { ...(cache.get(remoteId) ?? {}) };
  if (value) next[pageId] = value;
  else delete next[pageId];
  cache.set(remoteId, next);
}

const Notice = z.object({ event: z.enum(['signoff', 'reopen']), editionId: z.string(), pageId: z.string() }).passthrough();

/** The server's notice on a page document (sign-off, reopen): the cache follows at once. */
export function noteSignOff(payload: string): void {
  let parsed;
  try { parsed = Notice.safeParse(JSON.parse(payload)); } catch { return; }
  if (!parsed.success) return;
  const n = parsed.data;
  if (n.event === 'reopen') return rememberSignOff(n.editionId, n.pageId, null);
  const s = SignOff.safeParse(n);
  if (s.success) rememberSignOff(n.editionId, n.pageId, s.data);
}

/** Why changes wait: a signed page (PAGE_SIGNED) or a document this role may not change (ROLE_REFUSED). */
export function refusedProblem(refused: ReadonlySet<string>, signed: Record<string, SignOff>): ErrorCode | null {
  if (refused.size === 0) return null;
  for (const name of refused) {
    const ref = parseDocName(name);
    if (ref?.kind !== 'page') continue;
    if (signed[ref.pageId] || cache.get(ref.editionId)?.[ref.pageId]) return 'PAGE_SIGNED';
  }
  return 'ROLE_REFUSED';
}
