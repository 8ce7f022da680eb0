import type { Workspace } from '../workspace';
import { readSharedMarker } from './shared-marker';

// Which local folder is this desk's copy of which server edition: the shared.json markers
// of the workspace's editions, read again when a remote id is not known yet (a folder just
// published, opened, restored from the trash or renamed by hand).

export interface SharedIndex {
  dirOf(remoteId: string): Promise<string | null>;
  refOf(remoteId: string): Promise<string | null>;
  remember(remoteId: string, ref: string): void;
}

export function createSharedIndex(ws: Workspace): SharedIndex {
  let refs = new Map<string, string>();
  const rescan = async () => {
    const next = new Map<string, string>();
    for (const ref of await ws.listEditionRefs()) {
      const marker = await readSharedMarker(ws.pathFor(ref));
      if (marker) next.set(marker.remoteId, ref);
    }
    refs = next;
  };
  const refOf = async (remoteId: string): Promise<string | null> => {
    const known = refs.get(remoteId);
    if (known && (await readSharedMarker(ws.pathFor(known)))?.remoteId === remoteId) return known;
    await rescan();
    return refs.get(remoteId) ?? null;
  };
  return {
    refOf,
    dirOf: async (remoteId) => {
      const ref = await refOf(remoteId);
      return ref ? ws.resolveEdition(ref).catch(() => null) : null;
    },
    remember: (remoteId, ref) => { refs.set(remoteId, ref); },
  };
}
