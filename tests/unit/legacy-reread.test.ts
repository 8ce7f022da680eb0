import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { captionPhoto } from '../../electron/services/library/caption';
import { ingest } from '../../electron/services/library/ingest';
import { rereadLegacyCaptions } from '../../electron/services/library/legacy-reread';
import { LibraryStore } from '../../electron/services/library/store';
import { setIimLegacyCharset } from '../../electron/services/metadata/iptc/iim';
import { REPO_ROOT } from '../support/shared-fixtures';
import { cleanupTemp, tempDir } from './helpers';
import { HAVE_EXIFTOOL, runExiftool } from './metadata-support';

// The legacy IPTC charset applied at once (issue 14): after the setting changes, library
// photos whose IIM text has no 1:90 and is not UTF-8 read again; a caption the desk wrote
// (with 1:90 = UTF-8) is left alone.

const CORPUS = join(REPO_ROOT, 'tests', 'corpus', 'photos');
afterAll(cleanupTemp);
afterEach(() => setIimLegacyCharset('gb18030'));

describe.skipIf(!HAVE_EXIFTOOL)('library:reread-legacy', () => {
  it('Photo Mechanic\'s Mac Roman and Chinese Windows GBK captions follow the setting; an edited caption does not', async () => {
    const root = await tempDir('legacy-reread');
    const store = new LibraryStore(join(root, 'workspace'));
    const cache = join(root, 'cache');
    // GBK bytes, no 1:90, as Chinese Windows software writes them (ExifTool passes them through).
    const gbk = join(root, 'gbk.jpg');
    copyFileSync(join(CORPUS, 'exiftool-IPTC.jpg'), gbk);
    writeFileSync(join(root, 'caption.bin'), Buffer.from('c7dfd4b4cfd8cdf5ccd5d5f2b5b3b2ced3fdc3e7bbf9b5d8', 'hex'));
    runExiftool(['-IPTC:CodedCharacterSet=', '-charset', 'iptc=UTF8', `-IPTC:Caption-Abstract<=${join(root, 'caption.bin')}`, gbk]);
    const edited = join(root, 'edited.jpg');
    copyFileSync(gbk, edited);
    runExiftool(['-IPTC:Headline=edited copy', edited]);

    setIimLegacyCharset('windows-1252');
    const add = async (file: string) => {
      const r = await ingest(store, cache, { name: file.split('/').pop()!, sourcePath: file, bytes: readFileSync(file) });
      if (r.status !== 'added') throw new Error(r.status);
      return r.photo;
    };
    const pm = await add(join(CORPUS, 'metapm.jpg'));
    const cn = await add(gbk);
    const mine = await add(edited);
    expect(pm.meta.caption.en).toBe('JosŽ Mourinho');
    expect(cn.meta.caption.en).not.toMatch(/[\u0080-\u009f]/u);
    expect(cn.meta.caption.zh).toBe('');
    await captionPhoto(store, mine.id, { ...mine.meta, caption: { zh: '编辑改过的图片说明', en: '' } });

    setIimLegacyCharset('macintosh');
    const mac = await rereadLegacyCaptions(store);
    expect(mac.checked).toBe(2);
    expect(mac.photos.find((p) => p.id === pm.id)?.meta.caption.en).toBe('José Mourinho');
    expect((await store.get(pm.id))!.meta.caption.en).toBe('José Mourinho');

    setIimLegacyCharset('gb18030');
    const zh = await rereadLegacyCaptions(store);
    expect((await store.get(cn.id))!.meta.caption.zh).toBe('沁源县王陶镇党参育苗基地');
    // Mac Roman é (0x8E) followed by a space is not GB 18030: Windows-1252, as exiftool shows it.
    expect((await store.get(pm.id))!.meta.caption.en).toBe('JosŽ Mourinho');
    expect(zh.photos.map((p) => p.id).sort()).toEqual([pm.id, cn.id].sort());
    expect((await store.get(mine.id))!.meta.caption.zh).toBe('编辑改过的图片说明');
    // Nothing changes when read again in the same charset.
    expect((await rereadLegacyCaptions(store)).photos).toEqual([]);
  });
});
