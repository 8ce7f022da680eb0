import type { CollabStatus } from '../../../shared/contract/collab-schemas';

/** A desk with no server set up: exactly today's solo desk. */
export function soloStatus(): CollabStatus {
  return { server: null, online: false, pending: 0, socket: null, remoteId: null, signed: {}, problem: null };
}
