import { z } from 'zod';

// House style of an edition (issue 17): choices a paper makes once for all its pages,
// applied by the page renderer, so the composer and the printed PDF set them alike.

/** 错别字 check (issue 14): off, normal (clear cases, as errors) or strict (likely ones too, as warnings). */
export const TypoCheck = z.enum(['off', 'normal', 'strict']);
export type TypoCheck = z.infer<typeof TypoCheck>;

export const HouseStyle = z.object({
  /**
   * text-autospace (the gap between Han and Latin or digits, "2026 年") in body copy.
   * Off by default: mainland papers set 2026年, 220千伏, PM2.5浓度 without it.
   */
  autospaceBody: z.boolean(),
  /** The same gap in English-heavy blocks (latinHeavy), where runs of Latin read better spaced off. */
  autospaceLatin: z.boolean(),
  /**
   * Proofreading flags stacked ！！ / ？？！！ (punct.stacked, issue 14). GB/T 15834 allows them;
   * news copy does not shout, so on by default; a literary supplement may turn it off.
   * Optional: editions and clients from before issue 14 do not send it (absent = on).
   */
  flagStackedMarks: z.boolean().optional(),
  /** 错别字 check (issue 14): normal reports clear cases as errors; strict adds likely ones as warnings. */
  typoCheck: TypoCheck.optional(),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

// typoCheck unset: normal
export const DEFAULT_HOUSE_STYLE: HouseStyle = { autospaceBody: false, autospaceLatin: true, flagStackedMarks: true };

/** The edition's house style, defaults filled (files before issue 17 have none). */
export function houseStyleOf(edition: { houseStyle?: Partial<HouseStyle> | undefined }): HouseStyle {
  return { ...DEFAULT_HOUSE_STYLE, ...(edition.houseStyle ?? {}) };
}
