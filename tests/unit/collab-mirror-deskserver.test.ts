import { createHash } from 'node:crypto';
import { readFile, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { createApi } from '../../electron/services/api';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { createConfSettings } from '../../electron/services/conf-settings';
import type { DeskEngine } from '../../electron/services/collab/engine';
import { readStoryDoc, writeStoryDoc } from '../../electron/services/collab/story-yjs';
import { createDeskServer, type DeskServer } from '../../electron/services/deskserver/desk-server';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import type { Workspace } from '../../electron/services/workspace';
import { docName } from '../../shared/collab/doc-names';
import { createHandler, type Handler } from '../../shared/contract/handle';
import { paragraph, textNode, type SerializedEditorState } from '../../shared/document/lexical-state';
import type { Edition, Page, Story } from '../../shared/document/schema';
import { STORY_NODES } from '../../renderer/src/editor/nodes';
import { startDesk, tempDir as deskTemp, until } from '../support/collab-desk';
import { addUsers, PASSWORD } from './deskserver-support';
import { RESOURCES, cleanupTemp, expectOk, tempDir } from './helpers';

// The mirror with the real parts: stream-server's desk server (SQLite, TLS, roles) and
// stream-engine's CollabEngine on two desks. The chief publishes the sample edition on desk
// A; an editor opens it on desk B; the two folders are the same edition, and edits on either
// desk land in the other's files.

interface Desk { ws: Workspace; handle: Handler; engine: DeskEngine }
const cleanup: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await cleanupTemp();
});

async function desk(tag: string, sample: boolean, server: DeskServer, user: string): Promise<Desk> {
  const userData = await realpath(await tempDir(tag));
  const boot = await ensureWorkspace(userData, RESOURCES, { noSample: !sample });
  const engine = await startDesk(await deskTemp(`${tag}-collab-`));
  cleanup.push(() => engine.close());
  const first = await engine.connect({ url: server.url, name: user, password: PASSWORD });
  if (first.state !== 'trust') throw new Error('expected the trust step');
  expect(first.fingerprint).toBe(server.fingerprint);
  expect((await engine.connect({ url: server.url, name: user, password: PASSWORD, trust: first.fingerprint })).state).toBe('connected');
  await until(async () => (await engine.status()).online, 10_000, `${user} online`);
  const api = createApi({ workspace: boot.workspace, settings: createConfSettings(userData), library: boot.library, host: 'browser', version: 'test', defaultEdition: boot.defaultEdition, collab: engine });
  return { ws: boot.workspace, handle: createHandler(api, (e) => { throw e; }), engine };
}

const json = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  await until(() => check().catch(() => false), ms, what);
}
function normalised(state: SerializedEditorState | null): unknown {
  if (!state) return null;
  const editor = createHeadlessEditor({ namespace: 'ref', nodes: STORY_NODES, onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
  return editor.getEditorState().toJSON();
}

describe('mirror with the real desk server and engine', () => {
  it('publish on A, open on B: equal folders; edits on A and on B land in the other desk\'s files', { timeout: 240_000 }, async () => {
    const data = await deskTemp('mirror-server-');
    await addUsers(data, { wang: 'chief', li: 'editor' });
    const server = await createDeskServer({ dataDir: data, port: 0, host: '127.0.0.1', quiet: true });
    cleanup.push(() => server.close());
    const a = await desk('mirror-real-a', true, server, 'wang');
    const b = await desk('mirror-real-b', false, server, 'li');
    const dirA = a.ws.pathFor(SAMPLE_EDITION_REF);

    const { remoteId } = expectOk<{ remoteId: string }>(await a.handle('collab:publish', { edition: SAMPLE_EDITION_REF }));
    await until(async () => (await a.engine.status()).pending === 0, 20_000, 'desk A\'s documents acknowledged by the server');
    const listed = expectOk<{ id: string; localRef: string | null }[]>(await b.handle('collab:remote-editions', {}));
    expect(listed.map((e) => [e.id, e.localRef])).toEqual([[remoteId, null]]);

    const opened = expectOk<{ ref: string; photosFailed: unknown[] }>(await b.handle('collab:open-remote', { remoteId }));
    expect(opened.photosFailed).toEqual([]);
    const dirB = b.ws.pathFor(opened.ref);
    const edA = await json<Edition>(join(dirA, 'edition.json'));
    expect(await json(join(dirB, 'edition.json'))).toEqual(edA);
    for (const p of edA.pages) expect(await json(join(dirB, 'pages', `${p}.json`)), p).toEqual(await json(join(dirA, 'pages', `${p}.json`)));
    const storyFiles = (await readdir(join(dirA, 'stories'))).sort();
    await eventually(async () => (await readdir(join(dirB, 'stories'))).length === storyFiles.length, 'B\'s stories');
    for (const f of storyFiles) {
      const [sa, sb] = [await json<Story>(join(dirA, 'stories', f)), await json<Story>(join(dirB, 'stories', f))];
      expect([sb.title, sb.status]).toEqual([sa.title, sa.status]);
      expect(normalised(sb.zh)).toEqual(normalised(sa.zh));
      expect(normalised(sb.en)).toEqual(normalised(sa.en));
    }
    for (const p of edA.photos) expect(sha(await readFile(join(dirB, p.asset.file)))).toBe(p.asset.sha256);

    // An edit on A (the chief moves a frame) lands in B's page file.
    const pageId = edA.pages[0]!;
    const page = expectOk<Page>(await a.handle('page:get', { edition: SAMPLE_EDITION_REF, pageId }));
    const frame = page.blocks.find((x) => x.kind === 'photo' || x.kind === 'story')!;
    expectOk(await a.handle('page:put', { edition: SAMPLE_EDITION_REF, page: { ...page, blocks: page.blocks.map((x) => (x.id === frame.id ? { ...x, yMm: x.yMm + 12 } : x)) } }));
    await eventually(async () => (await json<Page>(join(dirB, 'pages', `${pageId}.json`))).blocks.find((x) => x.id === frame.id)?.yMm === frame.yMm + 12, 'A\'s move in B\'s page file');

    // The editor on B types into a story (its shared document): A's story file has it.
    const storyId = storyFiles[0]!.replace(/\.json$/, '');
    const docB = await b.engine.openDoc(docName({ kind: 'story', editionId: remoteId, storyId, lang: 'zh' }));
    const next = structuredClone(readStoryDoc(docB)!);
    next.root.children.push({ ...paragraph([textNode('（本报记者 李四）')]), $: { pairId: 'pfromb' } });
    expect(writeStoryDoc(docB, next)).toBe(true);
    await eventually(async () => JSON.stringify((await json<Story>(join(dirA, 'stories', `${storyId}.json`))).zh).includes('（本报记者 李四）'), 'B\'s typing in A\'s story file');

    // The editor may not change pages: the server drops B's page change, and A's file keeps A's.
    const pageB = expectOk<Page>(await b.handle('page:get', { edition: opened.ref, pageId }));
    expectOk(await b.handle('page:put', { edition: opened.ref, page: { ...pageB, name: '编辑改的版名' } }));
    expectOk(await a.handle('story:rename', { edition: SAMPLE_EDITION_REF, storyId, title: '哨兵标题' }));
    await eventually(async () => (await json<Story>(join(dirB, 'stories', `${storyId}.json`))).title === '哨兵标题', 'A\'s rename on B');
    expect((await json<Page>(join(dirA, 'pages', `${pageId}.json`))).name).toBe(page.name);
  });
});
