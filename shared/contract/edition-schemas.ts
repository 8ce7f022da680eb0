import { z } from 'zod';
import { Id } from '../document/ids';
import { StoryStatus } from '../document/schema';

// Schemas of the edition, story and trash channels (issue 10 items 1-2): new editions from
// templates or from an existing edition, rename / duplicate / delete, and the workspace trash.

/** A title as people type it: Chinese is normal, control characters are not. */
// eslint-disable-next-line no-control-regex
export const Title = z.string().trim().min(1).max(200).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'title: no control characters' });
export const IssueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'issueDate: not a calendar date' });
export const SizePreset = z.enum(['broadsheet', 'tabloid', 'a3', 'a4']);
export type SizePreset = z.infer<typeof SizePreset>;
export const TemplateChoice = z.enum(['front', 'feature', 'photo']);
export type TemplateChoice = z.infer<typeof TemplateChoice>;
/** A broadsheet special rarely passes 32 pages; 64 leaves room without inviting a typo's 6400. */
export const MAX_NEW_PAGES = 64;

export const NewEditionInput = z.object({
  title: Title,
  issueDate: IssueDate,
  size: SizePreset,
  /** One template per page, in page order. */
  pages: z.array(TemplateChoice).min(1).max(MAX_NEW_PAGES),
}).strict();
export type NewEditionInput = z.infer<typeof NewEditionInput>;

export const TrashItem = z.object({
  id: z.string(),
  kind: z.enum(['edition', 'story', 'page']),
  title: z.string(),
  deletedAt: z.string(),
  /** The edition a story or page belonged to, and its title when it still exists. */
  edition: z.string().optional(),
  editionTitle: z.string().optional(),
});
export type TrashItem = z.infer<typeof TrashItem>;

export const StoryRef = z.object({ storyId: Id, title: z.string() });
export { StoryStatus };
