import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace, isInside } from '../../electron/services/workspace';
import { cleanupTemp, expectAppError, tempDir } from './helpers';

let base: string;
let ws: Workspace;
let outside: string;

beforeAll(async () => {
  base = await realpath(await tempDir('ws'));
  ws = new Workspace(join(base, 'workspace'));
  await ws.init();
  await mkdir(join(ws.root, 'good.edition'));
  await mkdir(join(ws.root, 'notes'));
  outside = join(base, 'outside');
  await mkdir(join(outside, 'secret.edition'), { recursive: true });
  await writeFile(join(outside, 'secret.edition', 'edition.json'), '{}');
  await symlink(join(outside, 'secret.edition'), join(ws.root, 'evil.edition'));
  await symlink(join(ws.root, 'good.edition'), join(ws.root, 'alias.edition'));
});
afterAll(cleanupTemp);

describe('isInside', () => {
  it('tells children from escapes', () => {
    expect(isInside('/a/ws', '/a/ws')).toBe(true);
    expect(isInside('/a/ws', '/a/ws/x.edition')).toBe(true);
    expect(isInside('/a/ws', '/a/ws/..x.edition')).toBe(true);
    expect(isInside('/a/ws', '/a/wsx')).toBe(false);
    expect(isInside('/a/ws', '/a')).toBe(false);
    expect(isInside('/a/ws', '/a/other/x')).toBe(false);
    expect(isInside('/a/ws', '/etc/passwd')).toBe(false);
  });
});

describe('Workspace.resolveEdition', () => {
  it('resolves an edition folder inside the workspace to its real path', async () => {
    expect(await ws.resolveEdition('good.edition')).toBe(join(ws.root, 'good.edition'));
    expect(await ws.resolveEdition('./good.edition')).toBe(join(ws.root, 'good.edition'));
    expect(await ws.resolveEdition('alias.edition')).toBe(join(ws.root, 'good.edition'));
  });

  it('refuses parent-relative, absolute and suffix-less references', async () => {
    for (const ref of ['../x.edition', '../outside/secret.edition', 'good.edition/../../outside/secret.edition',
      join(outside, 'secret.edition'), '/etc', '/tmp/x.edition', 'notes', 'good', '', '.', 'good.edition/..']) {
      await expectAppError(ws.resolveEdition(ref), 'PATH_OUTSIDE_WORKSPACE');
    }
  });

  it('refuses a symlink inside the workspace that points outside', async () => {
    await expectAppError(ws.resolveEdition('evil.edition'), 'PATH_OUTSIDE_WORKSPACE');
  });

  it('reports a missing edition as NOT_FOUND', async () => {
    await expectAppError(ws.resolveEdition('missing.edition'), 'NOT_FOUND');
    await expectAppError(ws.resolveEdition('notes/missing.edition'), 'NOT_FOUND');
  });

  it('works when the workspace root itself is reached through a symlink', async () => {
    const linked = join(base, 'ws-link');
    await symlink(ws.root, linked);
    const via = new Workspace(linked);
    expect(await via.resolveEdition('good.edition')).toBe(join(ws.root, 'good.edition'));
    await expectAppError(via.resolveEdition('evil.edition'), 'PATH_OUTSIDE_WORKSPACE');
  });

  it('accepts a folder whose name merely starts with two dots', async () => {
    await mkdir(join(ws.root, '..draft.edition'));
    expect(await ws.resolveEdition('..draft.edition')).toBe(join(ws.root, '..draft.edition'));
  });

  it('lists edition folders only, without hidden ones or symlinks', async () => {
    await mkdir(join(ws.root, '.hidden.edition'), { recursive: true });
    await writeFile(join(ws.root, 'file.edition'), '');
    expect(await ws.listEditionRefs()).toEqual(['good.edition']);
  });
});
