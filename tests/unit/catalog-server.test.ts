import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { Catalog } from '../../electron/services/catalog/catalog';
import { collectServer } from '../../electron/services/catalog/server-collect';
import { searchVerb } from '../../electron/cli/archive-verb';
import { writeStoryDoc } from '../../electron/services/collab/story-yjs';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { buildSample } from '../../electron/services/sample';
import { applyEditionChange, applyPhotosChange, applyStoriesChange, splitEdition } from '../../shared/collab/edition-y';
import { writePage } from '../../shared/collab/page-y';
import { acknowledged, addUsers, api, connect, login, synced } from './deskserver-support';
import { cleanupTemp, RESOURCES, tempDir } from './helpers';

// The desk server's store in the archive catalogue (issue 16, item 1): the sample edition is
// published into a real server started in-process, document by document over its socket as a
// desk sends them; the catalogue is then built from the server's store while it runs, and
// 党参 育苗 finds the story, the page and the photo there.

let server: DeskServer | null = null;
afterAll(async () => { await server?.close(); await cleanupTemp(); });

describe('catalogue of a desk server\'s store', () => {
  it('indexes the editions, pages, stories and photos published to a running server', async () => {
    const data = await tempDir('deskserver-catalog');
    await addUsers(data, { wang: 'chief' });
    server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    const token = await login(server, 'wang');
    const { bundle } = await buildSample(RESOURCES);
    const { edition, pages, stories } = bundle;
    expect((await api(server, 'POST', '/api/editions', { token, body: { id: edition.id, title: edition.title, issueDate: edition.issueDate } })).status).toBeLessThan(300);

    const put = async (name: string, write: (doc: Y.Doc) => void) => {
      const c = connect(server!, name, token);
      await synced(c);
      write(c.doc);
      await acknowledged(c);
      c.provider.destroy();
    };
    const { meta, photos } = splitEdition(edition);
    await put(`edition/${edition.id}`, (d) => applyEditionChange(d, null, meta));
    await put(`photos/${edition.id}`, (d) => applyPhotosChange(d, null, photos));
    for (const p of pages) await put(`page/${edition.id}/${p.id}`, (d) => writePage(d, p));
    await put(`stories/${edition.id}`, (d) => applyStoriesChange(d, null, stories.map((s) => ({ id: s.id, title: s.title, updatedAt: s.updatedAt }))));
    // The story that says 党参育苗 in both languages, and one other.
    const shen = stories.find((s) => JSON.stringify(s.zh).includes('党参'))!;
    for (const s of [shen, stories.find((x) => x !== shen)!]) {
      for (const lang of ['zh', 'en'] as const) if (s[lang]) await put(`story/${edition.id}/${s.id}/${lang}`, (d) => { writeStoryDoc(d, s[lang]!); });
    }

    // Built while the server runs (its store is opened read-only).
    const report = await Catalog.rebuild(data, undefined, collectServer);
    expect(report.problems).toEqual([]);
    const { catalog } = await Catalog.open(data);
    try {
      const hits = catalog.search('党参 育苗', { limit: 50 });
      const kinds = new Set(hits.map((h) => h.kind));
      expect(kinds).toContain('story');
      expect(kinds).toContain('photo');
      expect(hits.find((h) => h.kind === 'story')!.ref).toBe(shen.id);
      expect(hits.every((h) => h.editionId === edition.id)).toBe(true);
      expect(catalog.search('seedling', { kind: 'photo' }).length).toBeGreaterThan(0);
      expect(catalog.search(edition.title, { kind: 'edition' })).toHaveLength(1);
    } finally {
      catalog.close();
    }
    // The server's JSON API: GET /api/search for any signed-in user; the catalogue follows the store.
    const found = await api(server, 'GET', `/api/search?q=${encodeURIComponent('党参 育苗')}&kind=story`, { token });
    expect(found.status).toBe(200);
    expect((found.json as { ref: string }[]).map((h) => h.ref)).toContain(shen.id);
    expect((await api(server, 'GET', '/api/search?q=x')).status).toBe(401);
    expect((await api(server, 'GET', '/api/search?q=x&kind=poem', { token })).status).toBe(400);
    const other = stories.find((x) => x !== shen)!;
    await put(`stories/${edition.id}`, (d) => applyStoriesChange(d, stories.map((s) => ({ id: s.id, title: s.title, updatedAt: s.updatedAt })), stories.map((s) => ({ id: s.id, title: s.id === other.id ? '党参新标题' : s.title, updatedAt: s.updatedAt }))));
    const after = await api(server, 'GET', `/api/search?q=${encodeURIComponent('党参新标题')}&kind=story`, { token });
    expect((after.json as { ref: string }[]).map((h) => h.ref)).toContain(other.id);

    // The command line: edition-desk search --server DATA "党参 育苗" (catalogued afresh first).
    expect(await searchVerb(['--server', data, '党参 育苗', '--kind', 'story'])).toBe(0);
    expect(await searchVerb(['--server', data, '没有这种词语组合'])).toBe(1);
    // Not a server's folder: named, not a crash.
    await expect(collectServer(await tempDir('not-a-server'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);
});
