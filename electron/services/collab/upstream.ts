import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { parseServerUrl, pinnedTlsOptions, type Pin } from './pinned-tls';

// The desk's one WebSocket to the desk server: a HocuspocusProviderWebsocket with `ws` as
// its WebSocket, built with the pinned TLS options (pinned-tls.ts), so the handshake is
// refused before the upgrade request is written to a server with another certificate.
// Every open shared document gets a HocuspocusProvider on that socket (Hocuspocus
// multiplexes them); the provider works on the very Y.Doc main's loopback socket serves.

export interface UpstreamOptions {
  url: string;
  pin: Pin;
  token: string;
  onStatus: (online: boolean) => void;
  onAuthFailed: (documentName: string, reason: string) => void;
}

export interface UpstreamDoc {
  provider: HocuspocusProvider;
  /** Local changes the server has not acknowledged while connected. */
  unsynced(): number;
  /** Connected, authenticated and the first sync exchange done. */
  synced(): boolean;
}

export class Upstream {
  readonly socket: HocuspocusProviderWebsocket;
  private providers = new Map<string, HocuspocusProvider>();
  online = false;

  constructor(private readonly opts: UpstreamOptions) {
    const { host } = parseServerUrl(opts.url);
    const tls = pinnedTlsOptions(opts.pin, host);
    class PinnedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols ?? [], { ...tls, handshakeTimeout: 10_000 });
        // The provider drops its handlers and then close()s a socket still connecting; ws
        // then emits 'error' with nobody listening, which would crash main. Failures reach
        // the provider through its own onerror/onclose handlers; this one only keeps it alive.
        this.on('error', () => {});
      }
    }
    this.socket = new HocuspocusProviderWebsocket({
      url: `${opts.url.replace(/^https:/, 'wss:').replace(/\/$/, '')}/collab`,
      WebSocketPolyfill: PinnedWebSocket,
      // Back on line within a few seconds of the server's return, without hammering it.
      delay: 250,
      minDelay: 250,
      factor: 1.5,
      maxDelay: 3000,
      maxAttempts: 0,
      onStatus: ({ status }) => {
        this.online = status === WebSocketStatus.Connected;
        opts.onStatus(this.online);
      },
    });
  }

  /** Syncs `doc` under `name` through the server socket; awareness is bridged so presence crosses desks. */
  attach(name: string, doc: Y.Doc, awareness: Awareness | null, onAck: () => void): UpstreamDoc {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      awareness,
      token: this.opts.token,
      onAuthenticationFailed: ({ reason }) => this.opts.onAuthFailed(name, reason),
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && provider.synced) onAck();
      },
      onSynced: ({ state }) => {
        if (state && provider.unsyncedChanges === 0) onAck();
      },
    });
    provider.attach();
    this.providers.set(name, provider);
    return {
      provider,
      unsynced: () => provider.unsyncedChanges,
      synced: () => this.online && provider.isAuthenticated && provider.synced,
    };
  }

  destroy(): void {
    for (const p of this.providers.values()) {
      // The loopback Document owns the awareness and keeps serving the renderers: unhook the
      // provider from it and hand destroy() a throwaway one to clear and destroy instead.
      // (The provider's own anonymous listeners stay on it and read the throwaway: no-ops.)
      p.configuration.awareness?.off('update', p.boundAwarenessUpdateHandler);
      p.configuration.awareness = new Awareness(new Y.Doc());
      p.destroy();
    }
    this.providers.clear();
    this.socket.destroy();
    this.online = false;
  }
}
