import { useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../../../shared/contract/find-schemas';
import { call } from '../../api/client';

// The catalogue's state for the search box: while it is (re)built on start the box shows how
// far it has come, and the filters take their editions and photographers from it.

const POLL_MS = 400;

export function useArchiveStatus(): ArchiveStatus | null {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer = 0;
    const poll = () => {
      call('archive:status', {}).then((s) => {
        if (!live) return;
        setStatus(s);
        if (!s.ready) timer = window.setTimeout(poll, POLL_MS);
      }, () => { /* no catalogue in this window: the search itself says so */ });
    };
    poll();
    return () => { live = false; clearTimeout(timer); };
  }, []);
  return status;
}
