import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { appError } from '../../../shared/contract/messages';
import { DEFAULT_INK_LIMIT } from '../../../shared/contract/press-schemas';
import { isCmykOutput, readIccHeader, type IccFacts } from '../../../shared/press/icc-header';
import { findResourcesDir } from '../paths';
import { runTool } from './press-tools';

// Which ICC profile a press PDF is converted to. The edition's own printer profile when
// one was chosen (press-settings.ts keeps it in <edition>/press/); otherwise the bundled
// default: ArgyllCMS colprof's profile of FOGRA29L.ti3 (ISO 12647-2 paper type 4, white
// uncoated; Debian's icc-profiles-free, zlib licence) with a total ink limit of 240 %,
// made by scripts/make-press-profile.sh. It stands in for the plant's newsprint profile
// (ISOnewspaper26 is not in Debian). Another ink limit with the default gets its own
// profile from colprof, made once and kept in the cache folder.

export interface ResolvedProfile {
  path: string;
  facts: IccFacts;
  isDefault: boolean;
}

export const DEFAULT_PROFILE_FILE = (limit: number) => `EditionDesk-FOGRA29-TAC${limit}.icc`;
/** The description colprof writes into the default profile (scripts/make-press-profile.sh says the same). */
export const DEFAULT_PROFILE_NAME = (limit: number) => `Edition Desk newsprint stand-in: FOGRA29 uncoated, TAC ${limit}%`;

/** Refuses anything but a CMYK output profile, with what it is instead. */
export function checkProfile(bytes: Uint8Array, label: string): IccFacts {
  const facts = readIccHeader(bytes);
  if (!facts) throw appError('PRESS_PROFILE_NOT_CMYK', `${label}: not an ICC profile`);
  if (!isCmykOutput(facts)) throw appError('PRESS_PROFILE_NOT_CMYK', `${label}: ${facts.description || '?'} (class ${facts.deviceClass.trim()}, ${facts.colorSpace.trim()})`);
  return facts;
}

export async function readProfile(path: string, isDefault: boolean): Promise<ResolvedProfile> {
  const bytes = await readFile(path).catch((e: Error) => { throw appError('NOT_FOUND', `${path}: ${e.message}`); });
  return { path, facts: checkProfile(bytes, path), isDefault };
}

const making = new Map<string, Promise<void>>();

/** The bundled default for an ink limit; another limit than 240 % is made once with colprof into `cacheDir`. */
export async function defaultProfile(rendererDir: string, inkLimit: number, cacheDir: string): Promise<ResolvedProfile> {
  const bundled = join(findResourcesDir(rendererDir), 'icc', DEFAULT_PROFILE_FILE(DEFAULT_INK_LIMIT));
  if (inkLimit === DEFAULT_INK_LIMIT) return readProfile(bundled, true);
  const target = join(cacheDir, DEFAULT_PROFILE_FILE(inkLimit));
  if (!(await access(target).then(() => true, () => false))) {
    let job = making.get(target);
    if (!job) {
      job = makeProfile(inkLimit, cacheDir, target).finally(() => making.delete(target));
      making.set(target, job);
    }
    await job;
  }
  return readProfile(target, true);
}

async function makeProfile(limit: number, cacheDir: string, target: string): Promise<void> {
  const work = join(cacheDir, `.make-${limit}-${process.pid}`);
  await mkdir(work, { recursive: true });
  const ti3 = await readFile('/usr/share/color/icc/FOGRA29L.ti3').catch(() => { throw appError('PRESS_ENGINE_MISSING', 'icc-profiles-free (FOGRA29L.ti3)'); });
  const { writeFile, rm } = await import('node:fs/promises');
  await writeFile(join(work, 'FOGRA29L.ti3'), ti3);
  try {
    // -ql: a quick profile (seconds, not minutes); the bundled 240 % one is -qm.
    await runTool('colprof', ['-ql', '-kr', '-l', String(limit), '-L', '100', '-D', DEFAULT_PROFILE_NAME(limit), '-O', join(work, 'out.icc'), join(work, 'FOGRA29L')]);
    await rename(join(work, 'out.icc'), target);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
