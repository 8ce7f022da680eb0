import * as Y from 'yjs';
import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { docName } from '../../../shared/collab/doc-names';
import { openProvider, type SocketInfo } from './provider';
import { peersOf, type Peer, type PresenceUser, type Where } from './presence';

// One awareness per shared edition, on its edition/<remoteId> document: every desk with the
// edition open says who it is and where it is (page + selected frame, or story). The story
// editors' cursors travel on the story documents' own awareness (Lexical's).
export class PresenceHub {
  private readonly provider: HocuspocusProvider;
  private readonly listeners = new Set<(p: Peer[]) => void>();
  private peers: Peer[] = [];
  private readonly onChange = () => {
    const aw = this.provider.awareness;
    if (!aw) return;
    this.peers = peersOf(aw.getStates() as Map<number, unknown>, aw.clientID);
    for (const l of this.listeners) l(this.peers);
  };

  constructor(socket: SocketInfo, remoteId: string, user: PresenceUser) {
    this.provider = openProvider(socket, docName({ kind: 'edition', editionId: remoteId }), new Y.Doc());
    this.provider.awareness?.setLocalState({ user, where: null });
    this.provider.awareness?.on('change', this.onChange);
  }

  where(w: Where): void { this.provider.awareness?.setLocalStateField('where', w); }
  current(): Peer[] { return this.peers; }
  subscribe(l: (p: Peer[]) => void): () => void {
    this.listeners.add(l);
    return () => { this.listeners.delete(l); };
  }
  destroy(): void {
    this.provider.awareness?.off('change', this.onChange);
    this.provider.destroy();
  }
}

/** The other desks on this edition, re-rendered on every awareness change. */
export function usePeers(hub: PresenceHub | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>(() => hub?.current() ?? []);
  useEffect(() => {
    setPeers(hub?.current() ?? []);
    return hub?.subscribe(setPeers);
  }, [hub]);
  return peers;
}
