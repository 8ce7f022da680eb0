import { readdir } from 'node:fs/promises';
import { EDITION_SUFFIX } from '../workspace';
import { listTrash } from '../trash';

// Folder names for new editions, made from the title people typed. Chinese titles are
// the normal case and stay readable (沁源两会特刊.edition); what file systems refuse or
// misread goes: separators and Windows' reserved characters, control characters, leading
// dots (hidden files), trailing dots and spaces (Windows drops them), reserved device
// names (CON, NUL, COM1…). ext4 and NTFS allow 255 bytes/units per name: 60 characters
// of CJK (3 bytes each in UTF-8) plus the suffix and a "-99" stay well inside.

const MAX_STEM_CHARS = 60;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function folderStem(title: string): string {
  const cleaned = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/\.edition$/i, '');
  let stem = [...cleaned].slice(0, MAX_STEM_CHARS).join('').replace(/[.\s]+$/, '');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem || 'edition';
}

/**
 * A name not yet used in `root`, compared without case (macOS and Windows ignore it), and
 * not the origin of an edition waiting in the trash, so that edition can always go back.
 */
export async function uniqueEditionFolder(root: string, title: string): Promise<string> {
  const taken = new Set((await readdir(root)).map((n) => n.normalize('NFC').toLowerCase()));
  for (const e of await listTrash(root)) if (e.kind === 'edition') taken.add(e.origin.normalize('NFC').toLowerCase());
  const stem = folderStem(title);
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${EDITION_SUFFIX}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
