import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { newPageId } from '../../electron/services/page-id';
import type { Edition, Page } from '../../shared/document/schema';
import { Id } from '../../shared/document/ids';
import { tempDir as deskTemp, until } from '../support/collab-desk';
import { addUsers } from './deskserver-support';
import { eventually, netDesk, readJson } from './collab-net-support';
import { cleanupTemp, expectOk } from './helpers';

// Two desks add a page to one shared edition while the server is away (issue 12 follow-ups,
// item 2). Before, both picked "page-2": one page document, one file, one page lost. Now
// page ids carry a random suffix, and the page order's merge (edition-y.ts) keeps both.

const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await cleanupTemp();
});

describe('page ids across desks', () => {
  it('newPageId: valid ids, never one the edition has, different every time', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newPageId(['page-1', 'page-2']);
      expect(Id.safeParse(id).success).toBe(true);
      expect(id).toMatch(/^page-3-[0-9a-z]{6}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(2000);
    // A desk's own (unshared) edition keeps plain, readable ids.
    expect(newPageId(['page-1', 'page-2'], false)).toBe('page-3');
    expect(newPageId(['page-1', 'page-3'], false)).toBe('page-4');
  });

  it('two desks offline each add a page: after the server returns both desks have both pages, in one order', { timeout: 120_000 }, async () => {
    const data = await deskTemp('pages-server-');
    await addUsers(data, { wang: 'chief', mei: 'layout' });
    let server: DeskServer = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    const port = server.port;
    cleanup.push(() => server.close());
    const a = await netDesk('pages-a', server, 'wang', cleanup);
    const b = await netDesk('pages-b', server, 'mei', cleanup);

    // An edition as a centre starts one (page-1 from edition:create), published by the chief.
    const { ref: refA } = expectOk<{ ref: string }>(await a.handle('edition:create', { title: '两会特刊', issueDate: '2027-03-05', size: 'a4', pages: ['front'] }));
    const { remoteId } = expectOk<{ remoteId: string }>(await a.handle('collab:publish', { edition: refA }));
    await until(async () => (await a.engine.status()).pending === 0, 20_000, 'published');
    const { ref: refB } = expectOk<{ ref: string }>(await b.handle('collab:open-remote', { remoteId }));
    const dirA = a.ws.pathFor(refA);
    const dirB = b.ws.pathFor(refB);
    expect((await readJson<Edition>(join(dirB, 'edition.json'))).pages).toEqual(['page-1']);

    await server.close();
    await until(async () => !(await a.engine.status()).online && !(await b.engine.status()).online, 10_000, 'both offline');
    const pageA = expectOk<Page>(await a.handle('page:create', { edition: refA, template: 'feature', name: 'A 加的版' }));
    const pageB = expectOk<Page>(await b.handle('page:create', { edition: refB, template: 'photo', name: 'B 加的版' }));
    expect(pageA.id).not.toBe(pageB.id);

    server = await createDeskServer({ dataDir: data, port, host: '127.0.0.1', quiet: true });
    await until(async () => {
      const [sa, sb] = await Promise.all([a.engine.status(), b.engine.status()]);
      return sa.online && sb.online && sa.pending === 0 && sb.pending === 0;
    }, 30_000, 'both back, nothing pending');
    // Opening the edition brings in what the other desk did meanwhile.
    expectOk(await a.handle('edition:open', { edition: refA }));
    expectOk(await b.handle('edition:open', { edition: refB }));
    const order = async (dir: string) => (await readJson<Edition>(join(dir, 'edition.json'))).pages;
    await eventually(async () => (await order(dirA)).length === 3 && (await order(dirB)).length === 3, 'three pages on both desks', 30_000);
    expect(await order(dirA)).toEqual(await order(dirB));
    expect([...(await order(dirA))].sort()).toEqual(['page-1', pageA.id, pageB.id].sort());
    for (const dir of [dirA, dirB]) {
      expect((await readJson<Page>(join(dir, 'pages', `${pageA.id}.json`))).name).toBe('A 加的版');
      expect((await readJson<Page>(join(dir, 'pages', `${pageB.id}.json`))).name).toBe('B 加的版');
    }
    // Both pages as the page list shows them, numbered by the shared order.
    const listed = expectOk<Page[]>(await b.handle('page:list', { edition: refB }));
    expect(listed.map((p) => p.name).sort()).toEqual(['A 加的版', 'B 加的版', listed.find((p) => p.id === 'page-1')!.name].sort());
  });
});
