import { z } from 'zod';
import { Id } from '../document/ids';

// What the desk server tells the connections of a page document when the chief signs it off
// or reopens it: a Hocuspocus stateless message (provider `onStateless`, payload = JSON of
// this). Only the server sends these: it closes any desk that tries to broadcast one.

export const ServerNotice = z.discriminatedUnion('event', [
  z.object({ event: z.literal('signoff'), editionId: Id, pageId: Id, round: z.number().int(), by: z.string(), at: z.string() }),
  z.object({ event: z.literal('reopen'), editionId: Id, pageId: Id, round: z.number().int(), by: z.string(), at: z.string() }),
]);
export type ServerNotice = z.infer<typeof ServerNotice>;

/** The notice in a stateless payload, or null for anything else. */
export function parseServerNotice(payload: string): ServerNotice | null {
  try {
    const r = ServerNotice.safeParse(JSON.parse(payload));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
