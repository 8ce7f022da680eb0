import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryPhoto } from '../../../../../shared/photo/library';
import { call } from '../../../api/client';

/** A focus sooner than this after the last load does not fetch again (a big library is megabytes of records). */
const FOCUS_RELOAD_MS = 10_000;

/**
 * The workspace library as the composer sees it: loaded when the composer opens and again
 * when the window regains focus (the photo desk, in another window or another tool, may
 * have ingested or captioned meanwhile).
 */
export function useLibraryPhotos(onError: (e: unknown) => void) {
  const [photos, setPhotos] = useState<LibraryPhoto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const last = useRef(0);
  const reload = useCallback(() => {
    last.current = Date.now();
    return call('library:list', {}).then((l) => { setPhotos(l); setLoaded(true); }, onError);
  }, [onError]);
  useEffect(() => {
    void reload();
    const onFocus = () => { if (Date.now() - last.current > FOCUS_RELOAD_MS) void reload(); };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);
  /** A record changed here (a figure caption edited in the frame's story): replace it in place. */
  const upsert = useCallback((next: LibraryPhoto) => setPhotos((list) => list.map((p) => (p.id === next.id ? next : p))), []);
  return { photos, loaded, reload, upsert };
}
