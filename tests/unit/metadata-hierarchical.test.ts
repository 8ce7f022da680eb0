import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { writeCaptionMeta } from '../../electron/services/metadata/write-caption-meta';
import { readFileMeta } from '../../electron/services/metadata';
import { copyFixtures, exiftool, META, runExiftool, SKIP_REASON } from './metadata-support';

// Keywords picked from the vocabulary (issue 16): dc:subject and IPTC 2:25 get the flat
// keywords (with the parents under 包括上级), lr:hierarchicalSubject the paths; exiftool referees.

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe.skipIf(!!SKIP_REASON)('lr:hierarchicalSubject', () => {
  it('is written beside dc:subject and IPTC Keywords, read back, and follows keywords removed in the field', async () => {
    const fx = copyFixtures(['BlueSquare.jpg']); // has IPTC-IIM, so 2:25 is kept in step
    dirs.push(fx.dir);
    const file = fx.path('BlueSquare.jpg');
    const meta = { ...META, keywords: ['两会', '山西', '沁源县', '党参'], hierarchicalKeywords: ['地点|山西|沁源县', '产业|党参'] };
    await writeCaptionMeta(file, meta);
    const tags = exiftool([file], ['-G1', '-XMP-dc:Subject', '-XMP-lr:HierarchicalSubject', '-IPTC:Keywords'])[file]!;
    expect(tags['XMP-dc:Subject']).toEqual(['两会', '山西', '沁源县', '党参']);
    expect(tags['IPTC:Keywords']).toEqual(['两会', '山西', '沁源县', '党参']);
    expect(tags['XMP-lr:HierarchicalSubject']).toEqual(['地点|山西|沁源县', '产业|党参']);
    expect((await readFileMeta(file)).caption.hierarchicalKeywords).toEqual(['地点|山西|沁源县', '产业|党参']);

    // 党参 taken out of the keyword field: its path goes too; the other stays.
    const { meta: written } = await writeCaptionMeta(file, { ...meta, keywords: ['两会', '山西', '沁源县'] });
    expect(written.hierarchicalKeywords).toEqual(['地点|山西|沁源县']);
    const after = exiftool([file], ['-G1', '-XMP-lr:HierarchicalSubject'])[file]!;
    expect(after['XMP-lr:HierarchicalSubject']).toBe('地点|山西|沁源县');
  });

  it('reads paths Lightroom or Photo Mechanic wrote, and keeps them when the desk rewrites the caption', async () => {
    const fx = copyFixtures(['DSCN0010.jpg']);
    dirs.push(fx.dir);
    const file = fx.path('DSCN0010.jpg');
    runExiftool(['-XMP-dc:Subject=Animals', '-XMP-dc:Subject=Cow', '-XMP-lr:HierarchicalSubject=Animals|Farm|Cow', file]);
    const read = await readFileMeta(file);
    expect(read.caption.keywords).toEqual(['Animals', 'Cow']);
    expect(read.caption.hierarchicalKeywords).toEqual(['Animals|Farm|Cow']);
    await writeCaptionMeta(file, { ...read.caption, headline: '奶牛' });
    expect(exiftool([file], ['-G1', '-XMP-lr:HierarchicalSubject'])[file]!['XMP-lr:HierarchicalSubject']).toBe('Animals|Farm|Cow');
    // A record from before the desk read paths has none: the file's paths are left alone, not cleared.
    const { hierarchicalKeywords: _paths, ...legacy } = read.caption;
    await writeCaptionMeta(file, { ...legacy, headline: '奶牛群' });
    expect(exiftool([file], ['-G1', '-XMP-lr:HierarchicalSubject'])[file]!['XMP-lr:HierarchicalSubject']).toBe('Animals|Farm|Cow');
  });
});
