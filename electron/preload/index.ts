import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { BRIDGE_KEY, type EditionDeskBridge } from '../../shared/contract/bridge';

// Sandboxed preload, bundled to one CommonJS file. It imports channel names only (no
// zod, no services) and exposes one function per channel; the page never sees
// ipcRenderer, so it can reach nothing that main does not handle (Electron security
// checklist: "Do not expose Electron APIs to untrusted web content").

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as EditionDeskBridge['api'];

// A picked or dropped file's path, so main reads a camera card's files itself
// (ingest-camera-file.ts); webUtils answers '' for a File the page made. The channel still
// takes any absolute path from the page, as every channel takes its input: main reads only a
// regular file there, and only ever as a photo to ingest.
const pathForFile = (file: unknown): string => {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return ''; // not a File (the bridge's inputs are never trusted)
  }
};

const bridge: EditionDeskBridge = { host: 'electron', api, pathForFile };

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
