import type { DragEvent } from 'react';

// What a photo dragged out of the strip carries: the library id under a type of our own,
// so the page tells a library photo from files, text or a story dragged from elsewhere.
export const LIBRARY_PHOTO_MIME = 'application/x-edition-desk-library-photo';

/** The photo's shape, for the drop preview: during dragover the data itself cannot be read. */
export interface DragShape { width: number; height: number; captioned: boolean }

// The drag starts in this document, so its shape can wait here until the drop (or dragend).
let active: DragShape | null = null;

export function setLibraryPhotoDrag(e: DragEvent, id: string, label: string, shape: DragShape): void {
  e.dataTransfer.setData(LIBRARY_PHOTO_MIME, id);
  e.dataTransfer.setData('text/plain', label);
  e.dataTransfer.effectAllowed = 'copy';
  active = shape;
  document.addEventListener('dragend', () => { active = null; }, { once: true });
}

/** The shape of the library photo being dragged, when the drag came from this window. */
export const activeDragShape = (): DragShape | null => active;

/** During dragover only the types are readable, not the data (HTML drag-and-drop security). */
export const carriesLibraryPhoto = (e: DragEvent): boolean => e.dataTransfer.types.includes(LIBRARY_PHOTO_MIME);

export const libraryPhotoOf = (e: DragEvent): string | null => e.dataTransfer.getData(LIBRARY_PHOTO_MIME) || null;
