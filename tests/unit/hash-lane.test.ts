import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Of, sharedBytes } from '../../electron/services/library/hash-lane';
import { inSharedMemory } from '../../electron/services/library/byte-pool';
import { readWhole } from '../../electron/services/library/read-whole';
import { cleanupTemp, tempDir } from './helpers';

// The content hash on its own thread (issue 15): the same SHA-256 as node:crypto on the main
// thread, for bytes in shared memory (hashed on the lane, in place) and for any other bytes.

afterAll(cleanupTemp);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('hash lane', () => {
  it('hashes shared bytes on the lane, views into them and plain buffers alike', async () => {
    const big = sharedBytes(3_000_001);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) & 0xff;
    const view = big.subarray(17, 2_000_017);
    const plain = Buffer.from(big.subarray(5, 1005));
    expect(big.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Several at once, each answered with its own hash.
    expect(await Promise.all([sha256Of(big), sha256Of(view), sha256Of(plain), sha256Of(inSharedMemory(plain))]))
      .toEqual([sha(big), sha(view), sha(plain), sha(plain)]);
    expect(await sha256Of(sharedBytes(0))).toBe(sha(new Uint8Array(0)));
  });

  it('readWhole gives the file byte for byte, in shared memory', async () => {
    const d = await tempDir('read-whole');
    const f = join(d, 'photo.bin');
    const bytes = Buffer.alloc(1_500_000 + 7, 0);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i & 0xff;
    writeFileSync(f, bytes);
    const read = await readWhole(f);
    expect(read.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(read.equals(readFileSync(f))).toBe(true);
    writeFileSync(join(d, 'empty'), '');
    expect((await readWhole(join(d, 'empty'))).length).toBe(0);
  });
});
