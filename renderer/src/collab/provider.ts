import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';

// Shared documents reach the renderer only through main's loopback socket
// (collab:status().socket): main holds the server session, the pinned certificate and the
// copy on disk; the renderer speaks the Hocuspocus protocol to main with main's token.

export interface SocketInfo { url: string; token: string }

/** A provider for one shared document; connects on connect() (Lexical) or at once (pages). */
export function openProvider(socket: SocketInfo, name: string, doc: Y.Doc, autoConnect = true): HocuspocusProvider {
  // The provider hands its whole configuration to the socket it makes, autoConnect included
  // (typed only on HocuspocusProviderWebsocket's configuration).
  const config = { url: socket.url, name, document: doc, token: socket.token, autoConnect };
  return new HocuspocusProvider(config as ConstructorParameters<typeof HocuspocusProvider>[0]);
}

type Cb = (...a: never[]) => void;

/**
 * Lexical's CollaborationPlugin listens for 'sync' (y-websocket's event); Hocuspocus says
 * 'synced' with {state}. This adapter renames that one event and passes the rest through.
 */
export function lexicalProvider(hp: HocuspocusProvider): Provider {
  const wrapped = new Map<Cb, Cb>();
  const on = (type: string, cb: Cb) => {
    if (type === 'sync') {
      const w = (({ state }: { state: boolean }) => (cb as (s: boolean) => void)(state)) as Cb;
      wrapped.set(cb, w);
      hp.on('synced', w as never);
    } else hp.on(type, cb as never);
  };
  const off = (type: string, cb: Cb) => {
    if (type === 'sync') {
      const w = wrapped.get(cb);
      if (w) hp.off('synced', w as never);
      wrapped.delete(cb);
    } else hp.off(type, cb as never);
  };
  return {
    awareness: hp.awareness as unknown as Provider['awareness'],
    connect: async () => { await hp.connect(); },
    disconnect: () => hp.disconnect(),
    on: on as Provider['on'],
    off: off as Provider['off'],
  };
}

/** The providerFactory CollaborationPlugin wants: one Y.Doc per document id, kept in its map. */
export function collabProviderFactory(socket: SocketInfo) {
  return (id: string, docs: Map<string, Y.Doc>): Provider => {
    let doc = docs.get(id);
    if (!doc) { doc = new Y.Doc(); docs.set(id, doc); } else doc.load();
    return lexicalProvider(openProvider(socket, id, doc, false));
  };
}
