import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CollabStatus } from '../../../shared/contract/collab-schemas';
import { call } from '../api/client';
import { PresenceHub } from './presence-hub';
import { colorFor } from './presence';
import { sharedOf, type CollabValue } from './collab-context';

// Main knows the server state (online, pending changes); the renderer asks every 2 s and
// at once after its own actions (refresh). A failed poll keeps the last answer: the badge
// must not flicker to 单机 because one call was slow.
export const STATUS_POLL_MS = 2000;

export function useCollabStatus(editionRef: string | null): CollabValue {
  const [status, setStatus] = useState<CollabStatus | null>(null);
  const seq = useRef(0);
  const refresh = useCallback(() => {
    const mine = ++seq.current;
    call('collab:status', editionRef ? { edition: editionRef } : {}).then(
      (s) => { if (mine === seq.current) setStatus(s); },
      () => {},
    );
  }, [editionRef]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // One presence hub per shared edition and user; rebuilt when either changes.
  const shared = sharedOf(status);
  const user = status?.server;
  const key = shared && user ? `${shared.remoteId}|${shared.socket.url}|${shared.socket.token}|${user.user}|${user.role}` : '';
  const [presence, setPresence] = useState<PresenceHub | null>(null);
  useEffect(() => {
    if (!key || !shared || !user) { setPresence(null); return; }
    const hub = new PresenceHub(shared.socket, shared.remoteId, { name: user.user, role: user.role, color: colorFor(user.user) });
    setPresence(hub);
    return () => hub.destroy();
    // `key` stands for shared and user: a new status object with the same values keeps the hub.
  }, [key]);

  return useMemo(() => ({ status, refresh, presence }), [status, refresh, presence]);
}
