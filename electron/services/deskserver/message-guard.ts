import type { Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

// Messages a desk may not send. Hocuspocus relays a client's BroadcastStateless (type 6) to
// every connection of the document without any hook in between, so any reader could send
// the others a forged server notice ("page signed", "reopened"). Desks talk to each other
// through awareness and the documents; stateless broadcasts are the server's alone.

const BROADCAST_STATELESS = 6;

export function messageGuard(): Extension {
  return {
    // Before persistence (priority 1000) looks at the message.
    priority: 1001,
    async beforeHandleMessage({ update: message }) {
      const d = decoding.createDecoder(message);
      decoding.readVarString(d);
      // Thrown: Hocuspocus closes that connection (Connection.handleMessage).
      if (decoding.readVarUint(d) === BROADCAST_STATELESS) throw Object.assign(new Error(''), { code: 4403, reason: 'broadcast-refused' });
    },
  };
}
