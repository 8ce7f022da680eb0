import { createContext, useContext } from 'react';
import type { LibraryPhoto } from '../../../../../shared/photo/library';

// What the inspector's photo picker needs from the composer without threading props
// through the inspector: the edition's ref (for thumbnails), the library, and placement.
export interface PlacementApi {
  editionRef: string;
  library: LibraryPhoto[];
  placeInto(blockId: string, libraryId: string): Promise<void>;
  /** Brings the library's current file and caption into the edition's copy; frames keep their crop. */
  refresh(libraryId: string): Promise<void>;
}

export const PlacementContext = createContext<PlacementApi | null>(null);
export const usePlacement = () => useContext(PlacementContext);
