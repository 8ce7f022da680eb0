import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { applyEdit, removeNode, restoreBranch, VocabEditError, type VocabEdit } from '../../../shared/vocab/vocab-edit';
import { EMPTY_VOCABULARY, Vocabulary, VocabNodeSchema } from '../../../shared/vocab/vocabulary';
import { formatPmKeywords, mergeVocabulary, parsePmKeywords, PmKeywordsTooLarge, type PmKeywordImport } from '../../../shared/vocab/pm-keywords';
import { writeJsonAtomic } from '../atomic-write';
import { parsesAs, writeJsonGuarded } from '../guarded-write';
import { readFileInside } from '../safe-path';
import { createSerialQueue } from '../serial-queue';
import { listTrash, moveToTrash, restoreFromTrash } from '../trash';

// The keyword vocabulary on disk: <workspace>/keywords.json, the truth (issue 16, item 4).
// Every change is read-modify-write in one queue and written atomically. A keywords.json that
// does not parse is never written over: edits are refused with its name (VOCAB_MALFORMED)
// until it is mended, or replaced by an import (which keeps the broken file aside as
// keywords.json.broken-<time>). A delete puts the branch into the workspace trash (trash.ts)
// as a small file; restoring renames that file back and merges the branch in where it was.

export const VOCAB_FILE = 'keywords.json';
/** The file a deleted branch is written to on its way into (and back out of) the trash. */
const DELETED_PREFIX = '.keywords-deleted-';

const Removed = z.object({
  node: VocabNodeSchema,
  parentPath: z.array(z.string()),
  parentId: z.string().nullable(),
  index: z.number().int().min(0),
});

export interface DeletedKeyword { trashId: string; label: string; deletedAt: string }

function asAppError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VocabEditError) {
      throw appError(e.reason === 'duplicate' ? 'VOCAB_DUPLICATE' : e.reason === 'cycle' ? 'VOCAB_CYCLE' : 'NOT_FOUND', e.message);
    }
    throw e;
  }
}

export class VocabStore {
  private readonly queue = createSerialQueue();
  constructor(private readonly root: string) {}

  async read(): Promise<Vocabulary> {
    let text: string;
    try {
      text = (await readFileInside(this.root, VOCAB_FILE)).toString('utf8');
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'NOT_FOUND') return EMPTY_VOCABULARY;
      throw e;
    }
    let parsed: ReturnType<typeof Vocabulary.safeParse>;
    try {
      // A hand-made file nested thousands deep ends in a RangeError here, reported as malformed.
      parsed = Vocabulary.safeParse(JSON.parse(text));
    } catch (e) {
      throw appError('VOCAB_MALFORMED', `${VOCAB_FILE}: ${(e as Error).message}`);
    }
    if (!parsed.success) throw appError('VOCAB_MALFORMED', `${VOCAB_FILE}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  }

  private async write(v: Vocabulary): Promise<Vocabulary> {
    const checked = Vocabulary.safeParse(v);
    if (!checked.success) throw appError('INVALID_ARGUMENT', checked.error.issues[0]?.message ?? 'vocabulary');
    await writeJsonGuarded(join(this.root, VOCAB_FILE), checked.data, parsesAs(Vocabulary));
    return checked.data;
  }

  edit(edit: VocabEdit): Promise<{ vocabulary: Vocabulary; id: string }> {
    return this.queue(async () => {
      const current = await this.read();
      const r = asAppError(() => applyEdit(current, edit));
      return { vocabulary: await this.write(r.vocabulary), id: r.id };
    });
  }

  /** Removes a keyword and everything under it into the workspace trash. */
  delete(id: string): Promise<{ vocabulary: Vocabulary; trashId: string }> {
    return this.queue(async () => {
      const current = await this.read();
      const { vocabulary, removed } = asAppError(() => removeNode(current, id));
      const parked = join(this.root, `${DELETED_PREFIX}${removed.node.id}.json`);
      await writeJsonAtomic(parked, removed);
      const entry = await moveToTrash(this.root, parked, { kind: 'keyword', title: removed.node.label });
      try {
        return { vocabulary: await this.write(vocabulary), trashId: entry.id };
      } catch (e) {
        // The tree could not be written: the branch is still in it, so take it out of the trash.
        await restoreFromTrash(this.root, entry.id).then(() => unlink(parked)).catch(() => {});
        throw e;
      }
    });
  }

  /** Keywords in the workspace trash, newest first. */
  async deleted(): Promise<DeletedKeyword[]> {
    return (await listTrash(this.root)).filter((e) => e.kind === 'keyword').map((e) => ({ trashId: e.id, label: e.title, deletedAt: e.deletedAt }));
  }

  restore(trashId: string): Promise<Vocabulary> {
    return this.queue(async () => {
      const entry = (await listTrash(this.root)).find((e) => e.id === trashId && e.kind === 'keyword');
      if (!entry) throw appError('NOT_FOUND', `trash ${trashId}`);
      const current = await this.read();
      await restoreFromTrash(this.root, trashId);
      const parked = join(this.root, ...entry.origin.split('/'));
      const branch = Removed.parse(JSON.parse(await readFile(parked, 'utf8')));
      const next = await this.write(restoreBranch(current, branch));
      await unlink(parked);
      return next;
    });
  }

  /** Photo Mechanic's Load (replace) or Merge of a structured keyword file. */
  import(text: string, mode: 'replace' | 'merge'): Promise<{ vocabulary: Vocabulary; notes: PmKeywordImport['notes'] }> {
    return this.queue(async () => {
      let read: PmKeywordImport;
      try {
        read = parsePmKeywords(text);
      } catch (e) {
        if (e instanceof PmKeywordsTooLarge) throw appError('IMPORT_TOO_LARGE', `keyword file: ${e.message}`);
        throw e;
      }
      if (!read.vocabulary.roots.length) throw appError('VOCAB_EMPTY_IMPORT');
      let base = EMPTY_VOCABULARY;
      if (mode === 'merge') base = await this.read();
      else {
        // Replacing: the current file (if it parses) goes to the trash whole, so Load is undoable.
        const old = await this.read().catch((e: unknown) => { if (e instanceof AppError && e.code === 'VOCAB_MALFORMED') return null; throw e; });
        if (old?.roots.length) await this.parkWhole(old);
      }
      const next = mode === 'merge' ? mergeVocabulary(base, read.vocabulary) : read.vocabulary;
      return { vocabulary: await this.write(next), notes: read.notes };
    });
  }

  async export(): Promise<string> {
    return formatPmKeywords(await this.read());
  }

  /** Each top-level branch of a replaced tree into the trash, each restorable on its own. */
  private async parkWhole(v: Vocabulary): Promise<void> {
    for (const [index, root] of v.roots.entries()) {
      const parked = join(this.root, `${DELETED_PREFIX}${root.id}.json`);
      await writeJsonAtomic(parked, { node: root, parentPath: [], parentId: null, index });
      await moveToTrash(this.root, parked, { kind: 'keyword', title: root.label });
    }
  }
}
