import { realpath } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services/api';
import { proofPath } from '../../electron/services/proof/proof-files';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { houseStyleOf } from '../../shared/document/house-style';
import type { Finding as ProofFinding } from '../../shared/proof/types';
import { RESOURCES, cleanupTemp, expectOk, tempDir } from './helpers';

// Stacked ！！ / ？？！！ are a house-style choice of the edition (issue 14): the edition-wide
// proof list (main, CLI, export preflight) reads it from edition.json, on by default.

let handle: Handler;
let editionDir: string;
const ED = SAMPLE_EDITION_REF;

beforeAll(async () => {
  const userData = await realpath(await tempDir('proof-house'));
  const boot = await ensureWorkspace(userData, RESOURCES);
  editionDir = boot.workspace.pathFor(ED);
  const api = createApi({ workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'electron', version: 'test', defaultEdition: ED });
  handle = createHandler(api, (e) => { throw e; });
});
afterAll(cleanupTemp);

describe('punct.stacked follows the edition\'s house style', () => {
  it('the sample edition (both seeds) raises none of issue 14\'s punctuation findings', async () => {
    const mine = new Set(['punct.stacked', 'punct.nested-corner-quotes', 'punct.stop-after-quote', 'punct.full-width-in-english']);
    const found = expectOk<ProofFinding[]>(await handle('proof:edition', { edition: ED }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((f) => mine.has(f.ruleId)).map((f) => `${f.ruleId} ${f.text}`)).toEqual([]);
  });

  it('on by default, off when the edition turns it off, on again', async () => {
    const bytes = new TextEncoder().encode('# 赛后\n\n德国队竟然战胜了巴西队！！她竟然对你说「喵」？！\n');
    expectOk(await handle('story:import', { edition: ED, fileName: 'stacked.md', bytes }));
    const stacked = async () => expectOk<ProofFinding[]>(await handle('proof:edition', { edition: ED })).filter((f) => f.ruleId === 'punct.stacked').map((f) => f.text);
    const ed = expectOk<{ houseStyle?: object }>(await handle('edition:open', { edition: ED }));
    expect(houseStyleOf(ed).flagStackedMarks).toBe(true);
    expect(await stacked()).toEqual(['！！']);
    expectOk(await handle('edition:house-style', { edition: ED, houseStyle: { ...houseStyleOf(ed), flagStackedMarks: false } }));
    expect(await stacked()).toEqual([]);
    // The command line (edition-desk proof FOLDER) reads the same edition.json.
    const cli = async () => (await proofPath(editionDir, {})).filter((p) => p.finding.ruleId === 'punct.stacked').length;
    expect(await cli()).toBe(0);
    expectOk(await handle('edition:house-style', { edition: ED, houseStyle: { ...houseStyleOf(ed), flagStackedMarks: true } }));
    expect(await stacked()).toEqual(['！！']);
    expect(await cli()).toBe(1);
  });
});
