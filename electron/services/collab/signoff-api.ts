import { z } from 'zod';
import type { Api } from '../../../shared/contract/contract';
import { AuditEntry, SignOff } from '../../../shared/collab/protocol';
import { appError } from '../../../shared/contract/messages';
import type { Workspace } from '../workspace';
import { readSharedMarker } from './shared-marker';
import type { CollabEngine, ServerReply } from './types';

// 签发 / 重新打开 and the audit log: the server decides and keeps them; main passes
// them on with the edition's id on the server (shared.json). A refusal by role is the
// server's 403 → ROLE_REFUSED; a page another chief signed meanwhile is its 409 → PAGE_SIGNED.
export function signoffChannels(ws: Workspace, engine: CollabEngine | undefined): Pick<Api, 'collab:signoff' | 'collab:reopen' | 'collab:audit'> {
  const remote = async (edition: string): Promise<{ engine: CollabEngine; remoteId: string }> => {
    if (!engine || !engine.session()) throw appError('NOT_SHARED', 'no session');
    const marker = await readSharedMarker(await ws.resolveEdition(edition));
    if (!marker) throw appError('NOT_SHARED', edition);
    return { engine, remoteId: marker.remoteId };
  };
  const ok = (reply: ServerReply) => reply.status >= 200 && reply.status < 300;
  const refused = (reply: ServerReply, what: string): never => {
    if (reply.status === 403) throw appError('ROLE_REFUSED', what);
    if (reply.status === 409) throw appError('PAGE_SIGNED', what);
    if (reply.status === 404) throw appError('NOT_SHARED', what);
    throw appError('SERVER_UNREACHABLE', `${what}: HTTP ${reply.status}`);
  };
  return {
    'collab:signoff': async ({ edition, pageId, round }) => {
      const { engine: e, remoteId } = await remote(edition);
      const reply = await e.request('POST', '/api/signoff', { editionId: remoteId, pageId, round });
      const parsed = SignOff.safeParse(reply.json);
      if (!ok(reply) || !parsed.success) return refused(reply, `sign-off ${remoteId}/${pageId}`);
      e.rememberSignOff?.(remoteId, pageId, parsed.data);
      return parsed.data;
    },
    'collab:reopen': async ({ edition, pageId }) => {
      const { engine: e, remoteId } = await remote(edition);
      const reply = await e.request('POST', '/api/reopen', { editionId: remoteId, pageId });
      if (!ok(reply)) return refused(reply, `reopen ${remoteId}/${pageId}`);
      e.rememberSignOff?.(remoteId, pageId, null);
      return { ok: true as const };
    },
    'collab:audit': async ({ edition }) => {
      const { engine: e, remoteId } = await remote(edition);
      const reply = await e.request('GET', `/api/audit?edition=${encodeURIComponent(remoteId)}`);
      const parsed = z.array(AuditEntry).safeParse(reply.json);
      if (!ok(reply) || !parsed.success) return refused(reply, `audit ${remoteId}`);
      return parsed.data;
    },
  };
}
