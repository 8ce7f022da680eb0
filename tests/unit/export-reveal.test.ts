import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { cleanupTemp, expectFail, expectOk, RESOURCES, tempDir } from './helpers';

// export:reveal: the desktop app shows a written export in the file manager. Only files
// under <edition>/exports/<stamp>/ resolve; the browser host, which has no file manager,
// answers shown: false. The recorder stands in for Electron's shell.showItemInFolder.

let desktop: Handler;
let browser: Handler;
const shown: string[] = [];
let file: string;
const REL = `${SAMPLE_EDITION_REF}/exports/20261123-120000/qinyuan-lianghui.pdf`;

beforeAll(async () => {
  const userData = await realpath(await tempDir('reveal'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  const dir = join(boot.workspace.pathFor(SAMPLE_EDITION_REF), 'exports', '20261123-120000');
  await mkdir(dir, { recursive: true });
  file = join(dir, 'qinyuan-lianghui.pdf');
  await writeFile(file, '%PDF-1.4\n');
  await symlink('/etc/hostname', join(dir, 'escape.pdf'));
  const base = { workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, version: 'test', defaultEdition: SAMPLE_EDITION_REF };
  desktop = createHandler(createApi({ ...base, host: 'electron', reveal: (p) => shown.push(p) }), (e) => { throw e; });
  browser = createHandler(createApi({ ...base, host: 'browser' }), (e) => { throw e; });
});
afterAll(cleanupTemp);

describe('export:reveal', () => {
  it('shows a written export file in the desktop app', async () => {
    expect(expectOk(await desktop('export:reveal', { path: REL }))).toEqual({ shown: true });
    expect(shown).toEqual([file]);
  });
  it('says the browser host cannot', async () => {
    expect(expectOk(await browser('export:reveal', { path: REL }))).toEqual({ shown: false });
  });
  it('resolves nothing outside an export folder', async () => {
    expectFail(await desktop('export:reveal', { path: `${SAMPLE_EDITION_REF}/edition.json` }), 'NOT_FOUND');
    expectFail(await desktop('export:reveal', { path: `../${REL}` }), 'NOT_FOUND', 'PATH_OUTSIDE_WORKSPACE', 'INVALID_ARGUMENT');
    expectFail(await desktop('export:reveal', { path: `${SAMPLE_EDITION_REF}/exports/20261123-120000/escape.pdf` }), 'PATH_OUTSIDE_WORKSPACE');
    expectFail(await desktop('export:reveal', { path: `${SAMPLE_EDITION_REF}/exports/20261123-120000/missing.pdf` }), 'NOT_FOUND');
    expect(shown).toHaveLength(1);
  });
});
