import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { buildSampleEdition, type SamplePhotoInput, type EditionBundle } from '../../shared/document/sample-edition';
import { PhotoMeta } from '../../shared/document/schema';
import { writeNewEdition } from './edition-store';

// The sample edition, built from the copies of the seed pages and stand-in photos in
// resources/sample, so the app never reaches into ../shared at run time.

const SamplePhotos = z.object({
  photos: z.array(z.object({
    file: z.string().regex(/^[\w.-]+\.jpe?g$/i),
    caption: z.object({ zh: z.string(), en: z.string() }),
    creator: z.string(),
    credit: z.string(),
    source: z.string(),
    copyright: z.string(),
  })),
});

export const SAMPLE_EDITION_REF = 'qinyuan-lianghui.edition';

async function photoFacts(path: string): Promise<{ sha256: string; width: number; height: number; bytes: number }> {
  const buf = await readFile(path);
  const meta = await sharp(buf).metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  return {
    sha256: createHash('sha256').update(buf).digest('hex'),
    width: (rotated ? meta.height : meta.width) ?? 1,
    height: (rotated ? meta.width : meta.height) ?? 1,
    bytes: (await stat(path)).size,
  };
}

const SampleEnglish = z.object({ texts: z.record(z.string(), z.string()) });

export async function buildSample(resourcesDir: string, now = new Date()): Promise<{ bundle: EditionBundle; assets: { from: string; name: string }[] }> {
  const dir = join(resourcesDir, 'sample');
  const list = SamplePhotos.parse(JSON.parse(await readFile(join(dir, 'photos.json'), 'utf8')));
  const inputs: SamplePhotoInput[] = [];
  for (const p of list.photos) {
    const facts = await photoFacts(join(dir, 'photos', p.file));
    inputs.push({
      file: p.file,
      ...facts,
      meta: PhotoMeta.parse({
        caption: p.caption,
        creator: p.creator,
        credit: p.credit,
        source: p.source,
        copyright: p.copyright,
        location: { city: '沁源县', sublocation: '' },
        keywords: ['示意图片', 'stand-in'],
      }),
    });
  }
  const seed = (name: string) => readFile(join(dir, 'seeds', name), 'utf8');
  const bundle = buildSampleEdition(
    [
      { pageId: 'page-2026', storyId: 'story-2026', name: '2026 两会特刊', markdown: await seed('2026-qinyuan-lianghui.md') },
      { pageId: 'page-2025', storyId: 'story-2025', name: '2025 两会特刊', markdown: await seed('2025-qinyuan-lianghui.md') },
    ],
    inputs,
    now.toISOString(),
    SampleEnglish.parse(JSON.parse(await readFile(join(dir, 'english.json'), 'utf8'))).texts,
  );
  return { bundle, assets: list.photos.map((p) => ({ from: join(dir, 'photos', p.file), name: p.file })) };
}

/** Writes the sample edition as a new folder `target` (which must not hold an edition yet). */
export async function writeSampleEdition(resourcesDir: string, target: string): Promise<EditionBundle> {
  const { bundle, assets } = await buildSample(resourcesDir);
  await writeNewEdition(target, bundle, assets);
  return bundle;
}
