import { createContext, useContext } from 'react';
import type { CollabStatus } from '../../../shared/contract/collab-schemas';
import type { PresenceHub } from './presence-hub';

// What the renderer knows about the desk server, for the open edition: the status from
// main (polled), the presence hub of the shared edition, and a way to ask again at once.
export interface CollabValue {
  status: CollabStatus | null;
  refresh(): void;
  presence: PresenceHub | null;
}

export const CollabContext = createContext<CollabValue>({ status: null, refresh: () => {}, presence: null });
export const useCollab = () => useContext(CollabContext);

/** Shared editions only: the id on the server and the socket to reach its documents. */
export function sharedOf(status: CollabStatus | null): { remoteId: string; socket: { url: string; token: string } } | null {
  return status?.remoteId && status.socket ? { remoteId: status.remoteId, socket: status.socket } : null;
}
