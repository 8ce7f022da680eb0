import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importInWorker, importWorkersStarted } from '../../electron/services/copy/import-off-thread';
import { AppError } from '../../shared/contract/errors';
import { REPO_ROOT } from './helpers';
import { ensureNodeBuild } from './node-build';

// The built import worker (out/workers/import-worker.mjs) kept warm between imports: a batch
// pays its start (~230 ms here: zod and the .docx reader load) once, a named refusal keeps
// it, and an import while it is busy gets a worker of its own.

const script = join(REPO_ROOT, 'out', 'workers', 'import-worker.mjs');
const md = (s: string) => new TextEncoder().encode(s);
type Imported = { title: string; lang: string };

beforeAll(() => { ensureNodeBuild(); }, 180_000);

describe('the import worker, kept warm', () => {
  it('reads a batch one after another in one worker, a refusal included', async () => {
    const before = importWorkersStarted();
    const a = await importInWorker<Imported>(script, 'a.md', md('# 汛期\n\n沁河进入汛期。'));
    const b = await importInWorker<Imported>(script, 'b.md', md('# Floods\n\nThe Qin river rises.'));
    const refused = await importInWorker(script, 'c.docx', md('PK not a zip at all')).catch((e: unknown) => e);
    const c = await importInWorker<Imported>(script, 'd.md', md('# 党参\n\n党参育苗。'));
    expect([a.title, a.lang, b.title, b.lang, c.title]).toEqual(['汛期', 'zh', 'Floods', 'en', '党参']);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('DOCX_UNREADABLE');
    expect(importWorkersStarted() - before).toBeLessThanOrEqual(1);
  });

  it('gives a second import at the same time a worker of its own', async () => {
    await importInWorker(script, 'warm.md', md('# 预热\n\n正文。'));
    const before = importWorkersStarted();
    const [x, y] = await Promise.all([
      importInWorker<Imported>(script, 'x.md', md('# 甲\n\n正文甲。')),
      importInWorker<Imported>(script, 'y.md', md('# 乙\n\n正文乙。')),
    ]);
    expect([x.title, y.title]).toEqual(['甲', '乙']);
    expect(importWorkersStarted() - before).toBe(1);
  });
});
