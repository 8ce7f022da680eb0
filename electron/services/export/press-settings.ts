import { mkdir, readFile, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { appError } from '../../../shared/contract/messages';
import { DEFAULT_PRESS_SETTINGS, PressSettings, type PressSettingsView } from '../../../shared/contract/press-schemas';
import { writeFileAtomic } from '../atomic-write';
import { keepAsideIfBroken, keptAsideError, parsesAs } from '../guarded-write';
import { isInside, type Workspace } from '../workspace';
import { checkProfile, DEFAULT_PROFILE_NAME, defaultProfile, readProfile, type ResolvedProfile } from './press-profile';

// The press settings of an edition (issue 13: "kept per edition"): <edition>/press.json
// with PDF/X version, ink limit, screen ruling and bleed, and the printer's profile copied
// into <edition>/press/, so the edition folder (and its handoff) carries what it is
// printed with. A profile is checked (CMYK output only) before anything is written; the
// one it replaces stays in press/ (nothing is deleted: going back is choosing it again).

const PressFile = PressSettings.extend({ profileFile: z.string().regex(/^[^/\\]+\.ic[cm]$/i).optional() }).strict();
type PressFile = z.infer<typeof PressFile>;

const FILE = 'press.json';

export async function readPressFile(dir: string): Promise<PressFile> {
  let text: string;
  try {
    text = await readFile(join(dir, FILE), 'utf8');
  } catch {
    return { ...DEFAULT_PRESS_SETTINGS };
  }
  try {
    const parsed = PressFile.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch { /* below */ }
  // A damaged press.json is read as the defaults; it is kept aside before a write.
  return { ...DEFAULT_PRESS_SETTINGS };
}

/** The edition's chosen profile file, resolved and contained in the edition's press/ folder. */
async function chosenProfilePath(dir: string, file: string): Promise<string> {
  const folder = join(dir, 'press');
  const real = await realpath(join(folder, file)).catch(() => { throw appError('NOT_FOUND', `press/${file}`); });
  if (!isInside(await realpath(folder), real)) throw appError('PATH_OUTSIDE_WORKSPACE', `press/${file}`);
  return real;
}

export async function pressProfileFor(ws: Workspace, rendererDir: string, dir: string, inkLimit: number, override?: string): Promise<ResolvedProfile> {
  if (override) return readProfile(override, false);
  const f = await readPressFile(dir);
  if (f.profileFile) return readProfile(await chosenProfilePath(dir, f.profileFile), false);
  return defaultProfile(rendererDir, inkLimit, join(ws.cacheDir, 'press-profiles'));
}

export async function pressSettingsView(ws: Workspace, rendererDir: string, ref: string): Promise<PressSettingsView> {
  const dir = await ws.resolveEdition(ref);
  const f = await readPressFile(dir);
  const { profileFile, ...settings } = f;
  if (profileFile) {
    const p = await readProfile(await chosenProfilePath(dir, profileFile), false);
    return { settings, profile: { name: p.facts.description || profileFile, isDefault: false, file: profileFile } };
  }
  // Named, not made: another ink limit's default is made by the export that needs it (colprof, seconds).
  return { settings, profile: { name: DEFAULT_PROFILE_NAME(settings.inkLimit), isDefault: true } };
}

const safeName = (name: string) => {
  const base = basename(name).replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '');
  return /\.ic[cm]$/i.test(base) ? base : `${base || 'profile'}.icc`;
};

export async function setPressSettings(
  ws: Workspace, rendererDir: string,
  input: { edition: string; settings?: Partial<PressSettings> | undefined; profile?: { fileName: string; base64: string } | null | undefined },
): Promise<PressSettingsView> {
  const dir = await ws.resolveEdition(input.edition);
  const current = await readPressFile(dir);
  const next: PressFile = { ...current, ...(input.settings ?? {}) };
  if (input.profile) {
    const bytes = Buffer.from(input.profile.base64, 'base64');
    checkProfile(bytes, input.profile.fileName); // refused before anything is written
    const name = safeName(input.profile.fileName);
    await mkdir(join(dir, 'press'), { recursive: true });
    await writeFileAtomic(join(dir, 'press', name), bytes);
    next.profileFile = name;
  } else if (input.profile === null) {
    delete next.profileFile;
  }
  const target = join(dir, FILE);
  const aside = await keepAsideIfBroken(target, parsesAs(PressFile));
  await writeFileAtomic(target, `${JSON.stringify(PressFile.parse(next), null, 2)}\n`);
  if (aside) throw keptAsideError(target, aside);
  return pressSettingsView(ws, rendererDir, input.edition);
}

