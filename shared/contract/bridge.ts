import type { Channel } from './channels';
import type { Result } from './errors';

/**
 * What the Electron preload puts on `window.editionDesk`: one function per channel and
 * nothing else (never ipcRenderer itself). Inputs are `unknown` on purpose: main parses
 * every input against the contract, so the bridge cannot be trusted to narrow them.
 */
export interface EditionDeskBridge {
  host: 'electron';
  api: { [C in Channel]: (input: unknown) => Promise<Result<unknown>> };
  /**
   * The path on disk of a file the user picked or dropped (Electron's webUtils), '' for one
   * made in the page: main then reads the file itself (library:ingest-file-shown).
   */
  pathForFile: (file: unknown) => string;
}

/** The global name the preload exposes the bridge under. */
export const BRIDGE_KEY = 'editionDesk';
