import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { BRIDGE_KEY, type EditionDeskBridge } from '../../shared/contract/bridge';

// Sandboxed preload, bundled to one CommonJS file. It imports channel names only (no
// zod, no services) and exposes one function per channel; the page never sees
// ipcRenderer, so it can reach nothing that main does not handle (Electron security
// checklist: "Do not expose Electron APIs to untrusted web content").

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as EditionDeskBridge['api'];

const bridge: EditionDeskBridge = { host: 'electron', api };

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
