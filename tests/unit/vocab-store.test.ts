import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VocabStore } from '../../electron/services/vocab/vocab-store';
import { listTrash } from '../../electron/services/trash';
import { trashItems } from '../../electron/services/editions/trash-service';
import { Workspace } from '../../electron/services/workspace';
import { formatPmKeywords } from '../../shared/vocab/pm-keywords';
import { cleanupTemp, tempDir } from './helpers';

// keywords.json on disk (electron/services/vocab/vocab-store.ts): the truth, edited in one
// queue, deletes through the workspace trash, never written over when it does not parse.

afterAll(cleanupTemp);

describe('the keyword vocabulary file', () => {
  it('edits, deletes into the workspace trash and restores byte-identical branches', async () => {
    const root = await tempDir('vocab');
    const store = new VocabStore(root);
    expect((await store.read()).roots).toEqual([]);
    const { id: industry } = await store.edit({ op: 'add', parentId: null, label: '产业', en: 'Industry' });
    const { id: shen } = await store.edit({ op: 'add', parentId: industry, label: '党参', en: 'Codonopsis' });
    await store.edit({ op: 'add', parentId: shen, label: '党参育苗', en: 'Codonopsis seedlings' });
    const before = formatPmKeywords(await store.read());
    // The file is the truth: a second store over the same folder reads the same tree.
    expect(formatPmKeywords(await new VocabStore(root).read())).toBe(before);

    const { trashId } = await store.delete(shen);
    expect(formatPmKeywords(await store.read())).toBe('产业\r\n\t{Industry}\r\n');
    const entries = await listTrash(root);
    expect(entries.map((e) => [e.kind, e.title])).toEqual([['keyword', '党参']]);
    // The editions' trash view does not list keywords (they go back from the vocabulary panel).
    expect(await trashItems(new Workspace(root))).toEqual([]);
    expect(await store.deleted()).toMatchObject([{ trashId, label: '党参' }]);

    await store.restore(trashId);
    expect(formatPmKeywords(await store.read())).toBe(before);
    expect(await store.deleted()).toEqual([]);
    // Nothing is left beside keywords.json: the parked branch file went back into the tree.
    expect((await readdir(root)).filter((n) => !n.startsWith('.trash')).sort()).toEqual(['keywords.json']);
  });

  it('import replaces (old branches into the trash) or merges; export is the PM file', async () => {
    const root = await tempDir('vocab');
    const store = new VocabStore(root);
    await store.import('地点\n\t沁源县\n', 'replace');
    await store.import('产业\n\t党参\n\t\t{Codonopsis}\n', 'merge');
    expect(await store.export()).toBe('地点\r\n\t沁源县\r\n产业\r\n\t党参\r\n\t\t{Codonopsis}\r\n');
    await store.import('活动\n\t两会\n', 'replace');
    expect(await store.export()).toBe('活动\r\n\t两会\r\n');
    expect((await store.deleted()).map((d) => d.label).sort()).toEqual(['产业', '地点']);
    await expect(store.import('\n\n', 'merge')).rejects.toMatchObject({ code: 'VOCAB_EMPTY_IMPORT' });
  });

  it('a keywords.json that does not parse is never written over by an edit; an import keeps it aside', async () => {
    const root = await tempDir('vocab');
    const file = join(root, 'keywords.json');
    await writeFile(file, '{"version":1,"roots":[{"id":"kx","label":"党参"');
    const store = new VocabStore(root);
    await expect(store.edit({ op: 'add', parentId: null, label: '产业', en: '' })).rejects.toMatchObject({ code: 'VOCAB_MALFORMED' });
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"roots":[{"id":"kx","label":"党参"');
    // Saved, and the user is told where the broken file went (guarded-write.ts).
    await expect(store.import('产业\n', 'replace')).rejects.toMatchObject({ code: 'FILE_MALFORMED_KEPT' });
    expect(await store.export()).toBe('产业\r\n');
    const aside = (await readdir(root)).filter((n) => n.startsWith('keywords.json.broken-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(root, aside[0]!), 'utf8')).toBe('{"version":1,"roots":[{"id":"kx","label":"党参"');
  });
});
