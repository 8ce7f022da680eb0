import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Photo } from '../../../shared/document/schema';
import { AppError, type AppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { writeFileAtomic } from '../atomic-write';
import { readFileInside, resolveInside } from '../safe-path';
import { isKnownCopy, readAssetRecord, type AssetRecord } from './asset-captions';
import { downloadPhoto, sha256 } from './photo-transfer';
import type { CollabEngine } from './types';

// An edition's photo files in assets/, fetched from the server by their sha256 where this
// desk lacks them (or has other bytes under the name). One photo that fails is reported and
// the others go on; a name that would leave assets/ is refused, never written.

export interface PhotoFailure { id: string; sha256: string; error: AppErrorData }

function assetName(photo: Photo): string {
  const name = photo.asset.file.slice('assets/'.length);
  if (name === '.' || name === '..' || name.length === 0) throw appError('PATH_OUTSIDE_WORKSPACE', photo.asset.file);
  return name;
}

async function hasGoodCopy(dir: string, photo: Photo, record: AssetRecord): Promise<boolean> {
  try {
    // The server's bytes, or this desk's copy of them with a caption written in (asset-captions.ts).
    return isKnownCopy(record, photo, sha256(await readFileInside(dir, 'assets', assetName(photo))));
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return false;
    throw e;
  }
}

export async function fetchMissingAssets(engine: CollabEngine, dir: string, photos: Photo[]): Promise<PhotoFailure[]> {
  const failed: PhotoFailure[] = [];
  await mkdir(join(dir, 'assets'), { recursive: true });
  // assets/ itself must be a real folder inside the edition, not a link out of it.
  await resolveInside(dir, 'assets');
  const done = new Set<string>();
  const record = await readAssetRecord(dir);
  for (const photo of photos) {
    const key = `${photo.asset.file}\0${photo.asset.sha256}`;
    if (done.has(key)) continue;
    done.add(key);
    try {
      if (await hasGoodCopy(dir, photo, record)) continue;
      const bytes = await downloadPhoto(engine, photo.asset.sha256);
      await writeFileAtomic(join(dir, 'assets', assetName(photo)), bytes);
    } catch (e) {
      const err = e instanceof AppError ? e : appError('IO_ERROR', String(e));
      failed.push({ id: photo.id, sha256: photo.asset.sha256, error: err.toData() });
    }
  }
  return failed;
}
