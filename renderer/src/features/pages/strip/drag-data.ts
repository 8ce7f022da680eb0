import type { DragEvent } from 'react';

// What a photo dragged out of the strip carries: the library id under a type of our own,
// so the page tells a library photo from files, text or a story dragged from elsewhere.
export const LIBRARY_PHOTO_MIME = 'application/x-edition-desk-library-photo';

export function setLibraryPhotoDrag(e: DragEvent, id: string, label: string): void {
  e.dataTransfer.setData(LIBRARY_PHOTO_MIME, id);
  e.dataTransfer.setData('text/plain', label);
  e.dataTransfer.effectAllowed = 'copy';
}

/** During dragover only the types are readable, not the data (HTML drag-and-drop security). */
export const carriesLibraryPhoto = (e: DragEvent): boolean => e.dataTransfer.types.includes(LIBRARY_PHOTO_MIME);

export const libraryPhotoOf = (e: DragEvent): string | null => e.dataTransfer.getData(LIBRARY_PHOTO_MIME) || null;
