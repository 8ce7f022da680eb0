import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PhotoMeta } from '../../../../shared/document/schema';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { captionDateFromCapture } from '../../../../shared/photo/file-meta';

// The caption being typed for one photo, and the promise that none of it is ever dropped:
// it is written into the file when the user leaves the field or the photo, on Ctrl+Enter,
// a moment after typing stops, and when the page is hidden, closed or reloaded (Photo
// Mechanic commits a field on leaving it; a lost caption is the worst thing a desk can do).

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';
/** Writes one photo's caption; resolves to an error message, or null when it is in the file. */
export type SaveCaption = (id: string, meta: PhotoMeta, opts?: { keepalive?: boolean }) => Promise<string | null>;

/** Autosave after typing stops: short enough that a crash costs a sentence, long enough not to write per key. */
export const AUTOSAVE_MS = 800;

/** What the panel starts from: the record, with the camera's capture time as 拍摄日期 when the file has none. */
export function baselineOf(photo: LibraryPhoto): PhotoMeta {
  return { ...photo.meta, dateCreated: photo.meta.dateCreated || captionDateFromCapture(photo.tech.captureDate) };
}

const splitKeywords = (s: string) => s.split(/[,，、;；]/).map((k) => k.trim()).filter(Boolean);

/**
 * The draft with the keyword field's keywords; a lr:hierarchicalSubject path whose keyword was
 * deleted from the field goes with it (as the writer does: xmp-write.ts hierarchicalFor).
 */
function withKeywords(draft: PhotoMeta, keywords: string[]): PhotoMeta {
  if (!draft.hierarchicalKeywords) return { ...draft, keywords };
  const paths = draft.hierarchicalKeywords.filter((p) => keywords.includes(p.split('|').pop()!.trim()));
  return { ...draft, keywords, hierarchicalKeywords: paths };
}

export function useCaptionDraft(photo: LibraryPhoto, save: SaveCaption) {
  const base = useMemo(() => baselineOf(photo), [photo]);
  const baseJson = JSON.stringify(base);
  const [draft, setDraft] = useState<PhotoMeta>(base);
  const [keywords, setKeywords] = useState(base.keywords.join(', '));
  const [inflight, setInflight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const full = useMemo<PhotoMeta>(() => withKeywords(draft, splitKeywords(keywords)), [draft, keywords]);
  const fullJson = JSON.stringify(full);
  const dirty = fullJson !== baseJson;

  // Refs, so the unmount and page-hide flushes see the latest text, not a stale closure.
  const latest = useRef({ full, fullJson, baseJson, id: photo.id });
  latest.current = { full, fullJson, baseJson, id: photo.id };
  /** The caption last sent (or being sent): the same text is never written twice. */
  const sent = useRef<string | null>(null);

  const commit = useCallback((opts?: { keepalive?: boolean }): Promise<void> => {
    const now = latest.current;
    if (now.fullJson === now.baseJson || now.fullJson === sent.current) return Promise.resolve();
    sent.current = now.fullJson;
    setInflight((n) => n + 1);
    return save(now.id, now.full, opts).then((err) => {
      setInflight((n) => n - 1);
      setError(err);
      if (err) sent.current = null;
    });
  }, [save]);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  // The record came back (or changed elsewhere): take it when nothing was typed since.
  // "Nothing typed" compares with the record as it was before this change: by the time the
  // effect runs, latest.current already holds the new one (a charset re-read that arrived
  // while the panel was open was otherwise taken for an edit and written back).
  const prevBase = useRef(baseJson);
  useEffect(() => {
    const now = latest.current;
    if (now.fullJson === sent.current || now.fullJson === prevBase.current || now.fullJson === now.baseJson) {
      setDraft(base);
      setKeywords(base.keywords.join(', '));
    }
    prevBase.current = baseJson;
  }, [baseJson]);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void commitRef.current(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [fullJson, dirty]);

  useEffect(() => {
    const flush = () => void commitRef.current({ keepalive: true });
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      // Leaving the photo (another one clicked, another desk opened): write what was typed.
      flush();
    };
  }, []);

  const state: SaveState = inflight > 0 ? 'saving' : error && dirty ? 'error' : dirty ? 'dirty' : 'saved';
  return { draft, setDraft, keywords, setKeywords, commit, state, error };
}
