import { z } from 'zod';
import { Block, Grid, type Page, type PageSize } from '../document/schema';
import { clampBlock, contentHeightMm } from './geometry';
import front from '../../resources/templates/front.json';
import feature from '../../resources/templates/feature.json';
import photo from '../../resources/templates/photo.json';

// Page templates (resources/templates/*.json): starting arrangements of blocks drawn on
// an 8-column broadsheet. Applied to another page size, columns and heights scale, so a
// tabloid or A4 page gets the same arrangement in its own proportions.

// In a template, `placeholder: true` marks words meant to be replaced (主标题); the page made
// from it records those words on the block (Block.placeholder) for the preflight.
const TemplateBlock = Block.omit({ id: true, placeholder: true }).extend({ lang: Block.shape.lang, placeholder: z.boolean().optional() });
export const Template = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.object({ zh: z.string(), en: z.string() }),
  grid: Grid,
  blocks: z.array(TemplateBlock),
});
export type Template = z.infer<typeof Template>;

export const TEMPLATES: Template[] = [front, feature, photo].map((t) => Template.parse(t));
export type TemplateId = 'front' | 'feature' | 'photo';

const REFERENCE_HEIGHT = 545;

export function pageFromTemplate(t: Template, size: PageSize, id: string, name: string, number: number): Page {
  const columns = size.widthMm < 300 ? Math.min(t.grid.columns, 6) : t.grid.columns;
  const small = size.widthMm < 250;
  const margins = small ? { top: 12, right: 12, bottom: 12, left: 12 } : t.grid.margins;
  const grid = { ...t.grid, columns, margins, gutterMm: small ? 3 : t.grid.gutterMm };
  const yScale = contentHeightMm(grid, size.heightMm) / contentHeightMm(t.grid, REFERENCE_HEIGHT);
  const cScale = columns / t.grid.columns;
  const blocks = t.blocks.map((b, i) => {
    const col = Math.round(b.col * cScale);
    const span = Math.max(1, Math.round((b.col + b.span) * cScale) - col);
    const { placeholder, ...rest } = b;
    const words = placeholder ? { ...(b.text ? { text: b.text } : {}), ...(b.textEn ? { textEn: b.textEn } : {}) } : null;
    return clampBlock(grid, size, {
      ...rest, id: `${id}-${b.kind}-${i + 1}`, col, span, yMm: Math.round(b.yMm * yScale), hMm: Math.round(b.hMm * yScale),
      ...(words ? { placeholder: words } : {}),
    });
  });
  return { id, name, number, grid, blocks };
}
