import { z } from 'zod';
import { LibraryPhoto } from '../photo/library';
import { KeywordLabel, NodeId, Vocabulary } from '../vocab/vocabulary';

// The keyword vocabulary and near-duplicate channels (issue 16) as the renderer sees them.

export { NodeId };

const EnLabel = z.string().trim().max(100).refine((s) => !/[\t\r\n|{}[\]]/u.test(s), { message: 'one line without TAB, |, braces or brackets' });

export const VocabEditInput = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), parentId: NodeId.nullable(), label: KeywordLabel, en: EnLabel, category: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('rename'), id: NodeId, label: KeywordLabel, en: EnLabel }).strict(),
  z.object({ op: z.literal('move'), id: NodeId, parentId: NodeId.nullable(), index: z.number().int().min(0).optional() }).strict(),
]);

export const DeletedKeywordSchema = z.object({ trashId: z.string(), label: z.string(), deletedAt: z.string() });

export const VocabView = z.object({ vocabulary: Vocabulary, deleted: z.array(DeletedKeywordSchema) });
export type VocabView = z.infer<typeof VocabView>;

export const VocabImportNote = z.object({
  line: z.number().int(),
  text: z.string(),
  reason: z.enum(['indent', 'synonym-at-top', 'duplicate', 'bad-label', 'too-deep']),
});

export const SimilarResult = z.object({
  /** Hamming distance at or under which two 64-bit dHashes count as the same frame. */
  threshold: z.number().int(),
  items: z.array(z.object({ photo: LibraryPhoto, distance: z.number().int().min(0).max(64) })),
  /** Photos without a hash yet (a file whose preview could not be read). */
  unhashed: z.number().int(),
});
export type SimilarResult = z.infer<typeof SimilarResult>;
