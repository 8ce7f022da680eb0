import type { LibraryPhoto } from '../../../../shared/photo/library';

// Library records changed by something outside the photo desk (the settings dialog's
// re-read after a charset change): the desk, if open, takes the new records at once.

type Listener = (photos: LibraryPhoto[]) => void;
const listeners = new Set<Listener>();

export function onLibraryUpdated(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

export function libraryUpdated(photos: LibraryPhoto[]): void {
  if (photos.length) for (const l of listeners) l(photos);
}
