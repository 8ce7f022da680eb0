import { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, runLoad } from '../../bench/collab-load';

// The load generator of `npm run bench` collab-30-clients, checked on a short run against a
// bare Hocuspocus on loopback: every keystroke is counted once at each other client of its
// story, latencies are real (non-negative, under a second here), and the stories converge.

let server: Server;
beforeAll(async () => {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
});
afterAll(async () => {
  await server.destroy();
});

describe('collab bench load', () => {
  it('measures each keystroke at every other client of its story', async () => {
    const r = await runLoad({
      url: `ws://127.0.0.1:${server.address.port}`,
      clients: 6, stories: 2, charsPerSecond: 10, durationMs: 1500,
      storyName: (i) => `story/ed-bench-test/s${i}/zh`,
    });
    // 6 clients × 10/s × 1.5 s, give or take the timers' first and last tick.
    expect(r.typed).toBeGreaterThanOrEqual(60);
    expect(r.typed).toBeLessThanOrEqual(100);
    expect(r.expected).toBe(r.typed * 2);
    expect(r.seen).toBe(r.expected);
    expect(r.latencies).toHaveLength(r.seen);
    expect(Math.min(...r.latencies)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...r.latencies)).toBeLessThan(1000);
    expect(r.diverged).toBe(0);
  });

  it('takes percentiles of sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(51);
    expect(percentile(sorted, 95)).toBe(96);
    expect(percentile([], 95)).toBeNaN();
  });
});
