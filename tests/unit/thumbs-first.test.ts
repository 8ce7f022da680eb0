import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterThumbnails, HOLD_COUNT, letHeldGo, makingThumbnail } from '../../electron/services/library/thumbs-first';

// Thumbnails first, durability after (issue 15): a photo on the sheet waits with its copy
// and commit while other thumbnails of the batch are being made, and the wait is bounded
// (count, bytes, time) so a long card never holds everything back.

afterEach(() => { vi.useRealTimers(); });

/** Whether the promise has settled once pending callbacks ran. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => { done = true; });
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('thumbs-first hold', () => {
  it('lets a photo go at once when no thumbnail is being made', async () => {
    expect(await settled(afterThumbnails(1000))).toBe(true);
  });

  it('holds while any thumbnail is being made and lets every held photo go a moment after the last is made', async () => {
    vi.useFakeTimers();
    const a = makingThumbnail();
    const b = makingThumbnail();
    const held = [afterThumbnails(10), afterThumbnails(10)];
    a();
    a(); // a second call of the same token changes nothing
    expect(await settled(held[0]!)).toBe(false);
    b();
    // The desk's next file may be a moment behind the last answer: a new thumbnail within the grace keeps the hold.
    await vi.advanceTimersByTimeAsync(10);
    const c = makingThumbnail();
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(held[0]!)).toBe(false);
    c();
    await vi.advanceTimersByTimeAsync(30);
    expect(await settled(held[0]!)).toBe(true);
    expect(await settled(held[1]!)).toBe(true);
  });

  it('a batch that knows its last thumbnail is made lets its held photos go at once', async () => {
    vi.useFakeTimers();
    const a = makingThumbnail();
    const held = afterThumbnails(10);
    a();
    expect(await settled(held)).toBe(false);
    letHeldGo();
    expect(await settled(held)).toBe(true);
  });

  it('lets the held photos go after a while even if thumbnails keep coming', async () => {
    vi.useFakeTimers();
    const making = makingThumbnail();
    const held = afterThumbnails(10);
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(held)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(held)).toBe(true);
    making();
  });

  it('lets them go once HOLD_COUNT photos or 256 MB of files are held', async () => {
    vi.useFakeTimers();
    const making = makingThumbnail();
    const held = Array.from({ length: HOLD_COUNT - 1 }, () => afterThumbnails(1));
    expect(await settled(held[0]!)).toBe(false);
    held.push(afterThumbnails(1));
    for (const h of held) expect(await settled(h)).toBe(true);
    const big = afterThumbnails(200 * 1024 * 1024);
    expect(await settled(big)).toBe(false);
    const more = afterThumbnails(100 * 1024 * 1024);
    expect(await settled(big)).toBe(true);
    expect(await settled(more)).toBe(true);
    making();
  });
});
