import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWriteBack } from '../../electron/services/collab/write-back';
import { createSerialQueue } from '../../electron/services/serial-queue';
import type { CollabEngine } from '../../electron/services/collab/types';

// A shared edition's write-back whose workspace is gone when its timer fires (the folder
// removed, the desk closing): the failure is logged like any failed write and the flush
// settles. Before, the rejection of the folder look-up was unhandled — which ends a Node
// process, and ended a unit run once from a test's leftover timer.

describe('write-back without a workspace', () => {
  it('logs the missing folder and settles, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const logged: string[] = [];
      const queues = new Map<string, ReturnType<typeof createSerialQueue>>();
      const wb = createWriteBack({
        engine: {} as CollabEngine,
        root: '/nonexistent',
        pageWrites: createSerialQueue(),
        storyWrites: createSerialQueue(),
        dirOf: () => Promise.reject(Object.assign(new Error('ENOENT: no such file or directory, scandir'), { code: 'ENOENT' })),
        queueOf: (id) => { let q = queues.get(id); if (!q) queues.set(id, (q = createSerialQueue())); return q; },
        delayMs: 5,
        log: (m) => logged.push(m),
      });
      wb.listener('story/ed-1/s1/zh', new Y.Doc(), true);
      await wb.settled();
      await new Promise((r) => setTimeout(r, 20)); // an unhandled rejection is reported on a later turn
      expect(logged.join('\n')).toMatch(/edition ed-1: .*ENOENT/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
