import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { appPathSegments, externalHost, isAppPage } from '../../electron/main/app-url';
import { serveTable } from '../../electron/services/media';
import { setCscModelFile } from '../../electron/services/proof/csc-model';
import { CSC_MODEL_PATH } from '../support/csc';

// Issue 11, item 10 (no Electron binary here, so the parts that do not need one): the
// app:// URL rules, the host shown before a link leaves the app, and the fuse wire the
// afterPack hook writes into the packaged binary.

const require = createRequire(import.meta.url);
const { flipFusesInBuffer, FUSES } = require('../../scripts/after-pack-fuses.cjs') as {
  flipFusesInBuffer: (b: Buffer, f: Record<number, boolean>) => number;
  FUSES: Record<number, boolean>;
};

describe('app:// URLs', () => {
  // The editor's 错别字 tables in the desktop app: app://desk/table/csc, same-origin with the
  // page (protocol-app.ts asks serveTable before the renderer folder), so a plain fetch reads it.
  it('app://desk/table/csc names the csc table, and only that', async () => {
    setCscModelFile(CSC_MODEL_PATH); // the real table, whatever an earlier file in this fork set
    const segs = appPathSegments('app://desk/table/csc')!;
    expect(segs).toEqual(['table', 'csc']);
    expect((await serveTable(segs))?.body.length).toBeGreaterThan(10_000_000);
    for (const other of ['app://desk/table/other', 'app://desk/table/csc/x', 'app://desk/table']) expect(await serveTable(appPathSegments(other)!)).toBeNull();
  });

  it('map only our own origin to files under the renderer folder', () => {
    expect(appPathSegments('app://desk/')).toEqual(['index.html']);
    expect(appPathSegments('app://desk/index.html')).toEqual(['index.html']);
    expect(appPathSegments('app://desk/assets/main-abc.js')).toEqual(['assets', 'main-abc.js']);
    expect(appPathSegments('app://desk/fonts/%E6%80%9D.woff2')).toEqual(['fonts', '思.woff2']);
    // The URL parser resolves dot segments first: "/../../etc/passwd" stays under the root.
    expect(appPathSegments('app://desk/%2e%2e/%2e%2e/etc/passwd')).toEqual(['etc', 'passwd']);
    for (const bad of ['app://evil/index.html', 'app://desk:1/index.html', 'file:///etc/passwd', 'app://desk/a%2Fb', 'app://desk/%', 'app://desk/a%5C..%5Cb', 'app://u:p@desk/index.html']) {
      expect(appPathSegments(bad), bad).toBeNull();
    }
  });

  it('trusts IPC only from our index.html (no query) and print.html', () => {
    expect(isAppPage('app://desk/index.html', 'index.html')).toBe(true);
    expect(isAppPage('app://desk/index.html#/photos', 'index.html')).toBe(true);
    expect(isAppPage('app://desk/index.html?x=1', 'index.html')).toBe(false);
    expect(isAppPage('file:///opt/app/out/renderer/index.html', 'index.html')).toBe(false);
    expect(isAppPage('app://other/index.html', 'index.html')).toBe(false);
    expect(isAppPage('app://desk/print.html?edition=a.edition&pages=p1', 'print.html')).toBe(true);
    expect(isAppPage('app://desk/print.html', 'index.html')).toBe(false);
  });

  it('names the host of a web link before it opens, and nothing else opens', () => {
    expect(externalHost('https://www.gov.cn/x?y')).toBe('www.gov.cn');
    expect(externalHost('http://xn--fiq228c.com/')).toBe('xn--fiq228c.com');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'mailto:a@b.c', 'not a url']) expect(externalHost(bad), bad).toBeNull();
  });
});

describe('fuses', () => {
  it('writes the wanted fuses into every wire and leaves removed and unknown ones alone', () => {
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
    const wire = Buffer.from('11011r10'); // 8 fuses as Electron 38 ships them, one removed
    const bin = Buffer.concat([Buffer.from('\x7fELF....'), sentinel, Buffer.from([0x31, wire.length]), wire, Buffer.from('tail')]);
    expect(flipFusesInBuffer(bin, FUSES)).toBe(1);
    const start = bin.indexOf(sentinel) + sentinel.length + 2;
    const out = bin.subarray(start, start + wire.length).toString();
    expect(out[0]).toBe('0'); // RunAsNode off
    expect(out[2]).toBe('0'); // NODE_OPTIONS off
    expect(out[3]).toBe('0'); // --inspect off
    expect(out[5]).toBe('r'); // removed stays removed
    expect(out[7]).toBe('0'); // no extra file:// privileges
    expect(out[4]).toBe('1'); // untouched (ASAR integrity is set on macOS only)
    expect(bin.subarray(bin.length - 4).toString()).toBe('tail');
    expect(flipFusesInBuffer(Buffer.from('no wire here'), FUSES)).toBe(0);
  });
});
