import { createContext, useContext } from 'react';
import type { LibraryPhoto } from '../../../../shared/photo/library';

// What figures need from the photo library: the photo for an id, and a way to write a
// caption back into the photo (and so into its file).
export interface PhotoLibraryApi {
  photos: Map<string, LibraryPhoto>;
  updateCaption(id: string, caption: { zh: string; en: string }): Promise<void>;
  /** Adds a photo just used as a figure to the story's edition (edition:place-photo), so pages and exports find it there. */
  place?(id: string): Promise<void>;
}

export const PhotoLibraryContext = createContext<PhotoLibraryApi>({ photos: new Map(), updateCaption: async () => {} });
export const usePhotoLibrary = () => useContext(PhotoLibraryContext);
