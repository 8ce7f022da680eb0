import { z } from 'zod';
import { SignOff } from '../../../shared/collab/protocol';
import type { ServerReply } from './types';

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
