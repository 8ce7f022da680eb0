import { createContext, useContext, useEffect, useState } from 'react';
import type { Photo } from '../../../../shared/document/schema';
import { call } from '../../api/client';

// A figure names a library photo by its id. In a shared edition (issue 12) the figure may
// have been placed on another desk, whose library this desk never saw: the photo itself has
// come with the edition (assets/, fetched by sha256 from the server), so the figure shows
// the edition's copy instead of a broken frame. The edition lists a photo only once its file
// has been fetched, so until then the figure asks again, less often as time goes on.

/** The edition whose story the editor shows (StoryEditor provides it). */
export const FigureEditionContext = createContext<string | null>(null);
export const useFigureEdition = () => useContext(FigureEditionContext);

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

/** The edition's copy of a photo the library lacks (`active`), by its library id or own id. */
export function useEditionCopy(photoId: string, active: boolean): Photo | null {
  const edition = useFigureEdition();
  const [copy, setCopy] = useState<Photo | null>(null);
  useEffect(() => {
    setCopy(null);
    if (!active || !edition) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = FIRST_RETRY_MS;
    const again = () => {
      if (stopped) return;
      timer = setTimeout(look, wait);
      wait = Math.min(MAX_RETRY_MS, wait * 2);
    };
    const look = () => {
      call('photo:list', { edition }).then((list) => {
        if (stopped) return;
        const found = list.find((p) => p.libraryId === photoId) ?? list.find((p) => p.id === photoId) ?? null;
        setCopy(found);
        if (!found) again();
      }, again);
    };
    look();
    return () => { stopped = true; clearTimeout(timer); };
  }, [edition, photoId, active]);
  return copy;
}
