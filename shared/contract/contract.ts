import { z } from 'zod';
import { Edition, Page, Photo, Story } from '../document/schema';
import { Id } from '../document/ids';
import { Settings, SettingsPatch } from '../settings/schema';
import type { Channel } from './channels';

// Every call the renderer can make, with the schema main checks its input against
// before doing anything, and the schema of what comes back.

/**
 * An edition folder named relative to the workspace (e.g. "qinyuan-lianghui.edition").
 * The schema refuses the obvious escapes; the service also resolves real paths, so a
 * symlink cannot lead outside either.
 */
export const EditionRef = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => !s.split(/[/\\]/).includes('..') && !/^([/\\]|[A-Za-z]:)/.test(s) && !s.includes('\0'), {
    message: 'edition must be a path inside the workspace',
  });

export const EditionSummary = z.object({
  ref: z.string(),
  title: z.string(),
  issueDate: z.string(),
  pageCount: z.number().int(),
  error: z.object({ code: z.string(), message: z.object({ 'zh-CN': z.string(), en: z.string() }) }).optional(),
});
export type EditionSummary = z.infer<typeof EditionSummary>;

export const StorySummary = z.object({ id: Id, title: z.string(), updatedAt: z.string(), chars: z.number().int() });
export type StorySummary = z.infer<typeof StorySummary>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  workspace: z.string(),
  defaultEdition: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const empty = z.object({}).strict();
const inEdition = z.object({ edition: EditionRef }).strict();

export const contract = {
  'app:info': { input: empty, output: AppInfo },
  'settings:get': { input: empty, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'edition:list': { input: empty, output: z.array(EditionSummary) },
  'edition:open': { input: inEdition, output: Edition },
  'page:list': { input: inEdition, output: z.array(Page) },
  'page:get': { input: z.object({ edition: EditionRef, pageId: Id }).strict(), output: Page },
  'story:list': { input: inEdition, output: z.array(StorySummary) },
  'story:get': { input: z.object({ edition: EditionRef, storyId: Id }).strict(), output: Story },
  'story:put': {
    input: z.object({ edition: EditionRef, story: Story }).strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  'photo:list': { input: inEdition, output: z.array(Photo) },
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** What the main side implements: one async function per channel. */
export type Api = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };
