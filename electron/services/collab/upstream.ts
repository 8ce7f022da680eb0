import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { isCertFailure, parseServerUrl, pinnedTlsOptions, type Pin } from './pinned-tls';

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
  /** The server answered an update of ours: applied, or refused (read-only for this role, or a signed page). */
  onApplied: (documentName: string, applied: boolean) => void;
  /** A server notice on a document (sign-off, reopen). */
  onNotice: (documentName: string, payload: string) => void;
  /** The server presented another certificate than the pinned one (the socket was refused in the handshake). */
  onCertFailure: (message: string) => void;
  /** A connection attempt failed for another reason (refused, reset, timed out): no longer a certificate problem. */
  onOtherFailure?: (message: string) => void;
}

/** Hocuspocus MessageType.SyncStatus (server → client after each update it got). */
const SYNC_STATUS = 8;

/** lib0 varUint at `at`: [value, next offset]. */
function varUint(b: Uint8Array, at: number): [number, number] {
  let n = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    if (byte === undefined) return [-1, at];
    n += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [n, at];
    shift += 7;
  }
}

/** For a SyncStatus message, whether the update was applied; null for any other message. */
export function syncStatusOf(data: Uint8Array): boolean | null {
  const [nameLength, afterLength] = varUint(data, 0);
  if (nameLength < 0) return null;
  const [type, at] = varUint(data, afterLength + nameLength);
  if (type !== SYNC_STATUS) return null;
  return data[at] !== 0;
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
    const onCertFailure = opts.onCertFailure;
    const onOtherFailure = opts.onOtherFailure ?? (() => {});
    class PinnedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols ?? [], { ...tls, handshakeTimeout: 10_000 });
        // The provider drops its handlers and then close()s a socket still connecting; ws
        // then emits 'error' with nobody listening, which would crash main. Failures reach
        // the provider through its own onerror/onclose handlers; this one only keeps it alive.
        // Each attempt says what it met, so status follows the server: an impostor's
        // certificate (CERT_MISMATCH), then nobody answering (SERVER_UNREACHABLE), and back.
        this.on('error', (e) => { if (isCertFailure(e)) onCertFailure(e.message); else onOtherFailure(e.message); });
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
    // The provider ignores a refused update (SyncStatus 0): the desk would show nothing but a
    // pending count that never falls. Read it here so status can say why.
    provider.on('message', ({ event }: { event: MessageEvent }) => {
      const data = event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : event.data instanceof Uint8Array ? event.data : null;
      const applied = data ? syncStatusOf(data) : null;
      if (applied !== null) this.opts.onApplied(name, applied);
    });
    provider.on('stateless', ({ payload }: { payload: string }) => this.opts.onNotice(name, payload));
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
