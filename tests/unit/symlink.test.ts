import { cp, mkdir, readFile, realpath, rm, symlink, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMedia } from '../../electron/services/media';
import { readFileInside, resolveInside } from '../../electron/services/safe-path';
import { SAMPLE_EDITION_REF, writeSampleEdition } from '../../electron/services/sample';
import { Workspace } from '../../electron/services/workspace';
import { readEdition, readPage, readStory } from '../../electron/services/edition-store';
import { writeHandoffPackage } from '../../electron/services/export/handoff-package';
import { webImages } from '../../electron/services/export/web-images';
import { readIgnores } from '../../electron/services/proof/proof-service';
import type { EditionBundle } from '../../shared/document/sample-edition';
import { messageFor } from '../../shared/contract/messages';
import { RESOURCES, cleanupTemp, expectAppError, tempDir } from './helpers';

// Issue 11, item 1: a symbolic link inside an edition folder must neither serve a file from
// outside the workspace nor carry one into the handoff zip.

let base: string;
let ws: Workspace;
let bundle: EditionBundle;
let sym: string;
const LINKED = 'assets/the-spices-of-life.jpg';

beforeAll(async () => {
  base = await realpath(await tempDir('symlink'));
  ws = new Workspace(join(base, 'workspace'));
  await ws.init();
  bundle = await writeSampleEdition(RESOURCES, ws.pathFor(SAMPLE_EDITION_REF));
  sym = ws.pathFor('sym.edition');
  await cp(ws.pathFor(SAMPLE_EDITION_REF), sym, { recursive: true });
});
afterAll(cleanupTemp);

const spices = () => bundle.edition.photos.find((p) => p.asset.file === LINKED)!;

async function linkAsset(target: string): Promise<void> {
  await rm(join(sym, LINKED), { force: true });
  await symlink(target, join(sym, LINKED));
}

describe('resolveInside / readFileInside', () => {
  it('reads a plain file inside the root and refuses .., absolute paths and links on the way', async () => {
    const dir = join(base, 'root');
    await mkdir(join(dir, 'a'), { recursive: true });
    await writeFile(join(dir, 'a', 'f.txt'), 'ok');
    await writeFile(join(base, 'outside.txt'), 'secret');
    expect((await readFileInside(dir, 'a/f.txt')).toString()).toBe('ok');
    await expectAppError(readFileInside(dir, '../outside.txt'), 'PATH_OUTSIDE_WORKSPACE');
    await expectAppError(readFileInside(dir, join(base, 'outside.txt')), 'PATH_OUTSIDE_WORKSPACE');
    await expectAppError(readFileInside(dir, 'a/missing.txt'), 'NOT_FOUND');
    // A link as the file, and a link as a folder on the way, even one that points inside.
    await symlink(join(base, 'outside.txt'), join(dir, 'a', 'l.txt'));
    await symlink(join(dir, 'a'), join(dir, 'b'));
    await symlink(base, join(dir, 'up'));
    const e1 = await expectAppError(readFileInside(dir, 'a/l.txt'), 'SYMLINK_REFUSED');
    expect(e1.detail).toBe('a/l.txt');
    await expectAppError(readFileInside(dir, 'b/f.txt'), 'SYMLINK_REFUSED');
    await expectAppError(resolveInside(dir, 'up/outside.txt'), 'SYMLINK_REFUSED');
    // The root itself may be reached through a link: it is resolved first.
    await symlink(dir, join(base, 'root-link'));
    expect((await readFileInside(join(base, 'root-link'), 'a/f.txt')).toString()).toBe('ok');
  });

  it('has a clear message in both languages', () => {
    expect(messageFor('SYMLINK_REFUSED')['zh-CN']).toContain('符号链接');
    expect(messageFor('SYMLINK_REFUSED').en).toContain('symbolic link');
  });
});

describe('an edition with a symlinked photo (ln -s /etc/passwd sym.edition/assets/…)', () => {
  it('media: the original, the thumbnail and the preview are refused, not /etc/passwd', async () => {
    await linkAsset('/etc/passwd');
    for (const size of ['original', 'thumb', 'preview'] as const) {
      const e = await expectAppError(resolveMedia(ws, 'sym.edition', spices().id, size), 'SYMLINK_REFUSED');
      expect(e.detail).toBe(LINKED);
    }
    // The untouched sample still serves the same photo.
    const ok = await resolveMedia(ws, SAMPLE_EDITION_REF, spices().id, 'original');
    expect(ok.body.equals(await readFile(join(ws.pathFor(SAMPLE_EDITION_REF), LINKED)))).toBe(true);
  });

  it('handoff zip: a JPEG outside the workspace as the target fails the package, no zip left', async () => {
    const outsideJpeg = join(base, 'private-outside.jpg');
    await cp(join(ws.pathFor(SAMPLE_EDITION_REF), LINKED), outsideJpeg);
    await linkAsset(outsideJpeg);
    const target = join(base, 'handoff.zip');
    const e = await expectAppError(writeHandoffPackage(target, { dir: sym, edition: await readEdition(sym), pages: [], stories: [], pdf: null, images: [] }), 'SYMLINK_REFUSED');
    expect(e.detail).toBe(LINKED);
    await expect(access(target)).rejects.toThrow();
  });

  it('web images refuse the link too', async () => {
    await linkAsset(join(base, 'private-outside.jpg'));
    await expectAppError(webImages(sym, await readEdition(sym), [spices().id]), 'SYMLINK_REFUSED');
  });

  it('edition, page, story and proof-ignore files that are links are refused', async () => {
    const other = join(base, 'other');
    await mkdir(other, { recursive: true });
    const pageId = bundle.edition.pages[0]!;
    await cp(join(sym, 'pages', `${pageId}.json`), join(other, 'page.json'));
    await rm(join(sym, 'pages', `${pageId}.json`));
    await symlink(join(other, 'page.json'), join(sym, 'pages', `${pageId}.json`));
    await expectAppError(readPage(sym, pageId), 'SYMLINK_REFUSED');
    // A whole folder swapped for a link.
    await cp(join(sym, 'stories'), join(other, 'stories'), { recursive: true });
    await rm(join(sym, 'stories'), { recursive: true });
    await symlink(join(other, 'stories'), join(sym, 'stories'));
    await expectAppError(readStory(sym, bundle.stories[0]!.id), 'SYMLINK_REFUSED');
    await writeFile(join(other, 'ignores.json'), '{"version":1,"ignores":["x"]}');
    await symlink(join(other, 'ignores.json'), join(sym, 'proof-ignores.json'));
    await expectAppError(readIgnores(sym), 'SYMLINK_REFUSED');
    await cp(join(sym, 'edition.json'), join(other, 'edition.json'));
    await rm(join(sym, 'edition.json'));
    await symlink(join(other, 'edition.json'), join(sym, 'edition.json'));
    await expectAppError(readEdition(sym), 'SYMLINK_REFUSED');
  });
});
