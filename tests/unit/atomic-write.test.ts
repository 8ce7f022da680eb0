import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from '../../electron/services/atomic-write';
import { cleanupTemp, tempDir } from './helpers';

afterAll(cleanupTemp);

describe('writeFileAtomic', () => {
  it('replaces the target whole and leaves no temp files', async () => {
    const dir = await tempDir('atomic');
    const target = join(dir, 'edition.json');
    await writeFile(target, 'x'.repeat(10_000));
    await writeFileAtomic(target, '短');
    expect(await readFile(target, 'utf8')).toBe('短');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['edition.json']);
  });

  it('creates missing parent folders', async () => {
    const dir = await tempDir('atomic');
    const target = join(dir, 'a', 'b', 'story.json');
    await writeJsonAtomic(target, { 文: 1 });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ 文: 1 });
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['story.json']);
  });

  it('ends with one whole version when writes race, and no temp files', async () => {
    const dir = await tempDir('atomic');
    const target = join(dir, 'race.json');
    const versions = Array.from({ length: 12 }, (_, i) => JSON.stringify({ i, pad: String(i).repeat(5000 + i * 100) }));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.json']);
  });

  it('leaves the old file intact when the folder is really a file', async () => {
    const dir = await tempDir('atomic');
    const notDir = join(dir, 'pages');
    await writeFile(notDir, 'I am a file');
    await expect(writeFileAtomic(join(notDir, 'p.json'), 'new')).rejects.toThrow();
    expect(await readFile(notDir, 'utf8')).toBe('I am a file');
    expect(await readdir(dir)).toEqual(['pages']);
  });

  it('leaves the old file intact and cleans up when the data cannot be written', async () => {
    const dir = await tempDir('atomic');
    const target = join(dir, 'edition.json');
    await writeFile(target, 'old bytes');
    await expect(writeFileAtomic(target, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('old bytes');
    expect(await readdir(dir)).toEqual(['edition.json']);
  });

  it('leaves no temp file when the target is a folder and cannot be replaced', async () => {
    const dir = await tempDir('atomic');
    const target = join(dir, 'story.json');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('keep');
    expect(await readdir(dir)).toEqual(['story.json']);
  });
});
