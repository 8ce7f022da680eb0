import type { ArchiveSearchInput, ArchiveHit } from '../../shared/contract/archive-schemas';
import type { LibraryPhoto } from '../../shared/photo/library';
import type { ArchiveStatus, ProvenancePlacement } from '../../shared/contract/find-schemas';

// What the channels know of the archive catalogue (issue 16). The catalogue itself runs on
// better-sqlite3, a native module for Node's ABI: the browser host (and a utility process,
// later, for Electron) provides it; Electron's main process has none and the channel says so.

export interface ArchivePort {
  /** Files of this edition folder were written: its rows are replaced (debounced). */
  editionSaved(ref: string): void;
  /** Edition folders were made, renamed, trashed or restored: rows follow the folders. */
  foldersChanged(): void;
  /** Library photos were ingested, captioned or marked. */
  photosSaved(photos: LibraryPhoto[]): void;
  search(input: ArchiveSearchInput): Promise<{ hits: ArchiveHit[]; ready: boolean }>;
  /** Whether the catalogue is ready, and a (re)build's progress (issue 16: progress shown). */
  status(): ArchiveStatus;
  /** The pages a photo item is placed on; null while the catalogue is not ready. */
  placements(item: string): Promise<ProvenancePlacement[] | null>;
  close(): Promise<void>;
}
