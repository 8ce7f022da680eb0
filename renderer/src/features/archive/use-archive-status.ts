import { useEffect, useState } from 'react';
import type { ArchiveStatus } from '../../../../shared/contract/find-schemas';
import { call } from '../../api/client';
import { jobProgress } from '../../polish/jobs';

// The catalogue's state for the search box: while it is (re)built on start the box shows how
// far it has come, and the filters take their editions and photographers from it.

const POLL_MS = 400;

/** Polls archive:status until the catalogue is ready; the returned function stops it. */
function watchArchiveStatus(onStatus: (s: ArchiveStatus) => void): () => void {
  let live = true;
  let timer = 0;
  const poll = () => {
    call('archive:status', {}).then((s) => {
      if (!live) return;
      onStatus(s);
      if (!s.ready) timer = window.setTimeout(poll, POLL_MS);
    }, () => { /* no catalogue in this window: the search itself says so */ });
  };
  poll();
  return () => { live = false; clearTimeout(timer); };
}

export function useArchiveStatus(): ArchiveStatus | null {
  const [status, setStatus] = useState<ArchiveStatus | null>(null);
  useEffect(() => watchArchiveStatus(setStatus), []);
  return status;
}

/**
 * On start: while the catalogue is being (re)built, its progress shows in the top bar with the
 * desk's other long jobs (a torn or deleted catalogue.db is rebuilt from the files, issue 16).
 */
export function useArchiveRebuildJob(): void {
  useEffect(() => {
    const stop = watchArchiveStatus((s) => jobProgress('archive-index', 'index', s.done, s.total, s.ready));
    return () => { stop(); jobProgress('archive-index', 'index', 0, 0, true); };
  }, []);
}
