import { describe, expect, it } from 'vitest';
import { PAGE_PRESETS } from '../../shared/document/schema';
import { placeholderShown } from '../../shared/layout/placeholder';
import { TEMPLATES, pageFromTemplate } from '../../shared/layout/templates';

// Template placeholder words: recorded on the blocks of a page made from a template, and
// recognised on what a block shows, also after the template's own words change.

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!;

describe('template placeholders', () => {
  it('records the placeholder words of a template on the page made from it, and only those', () => {
    const page = pageFromTemplate(template('feature'), PAGE_PRESETS.broadsheet, 'p', '二版', 2);
    const marked = page.blocks.filter((b) => b.placeholder).map((b) => [b.kind, b.placeholder]);
    expect(marked).toEqual([
      ['headline', { text: '主标题' }],
      ['deck', { text: '副题', textEn: 'Deck in English' }],
    ]);
    // The section label 特刊 is the page's furniture, not a placeholder.
    expect(page.blocks.find((b) => b.kind === 'label')).toMatchObject({ text: '特刊' });
    expect(page.blocks.find((b) => b.kind === 'label')!.placeholder).toBeUndefined();
  });

  it('finds a placeholder in what a block shows, in either language', () => {
    const deck = { placeholder: { text: '副题', textEn: 'Deck in English' } };
    expect(placeholderShown(deck, ['副题', 'Deck in English'])).toBe('副题');
    expect(placeholderShown(deck, ['两会特刊副题已改', 'Deck in English'])).toBe('Deck in English');
    expect(placeholderShown(deck, ['执笔“落实”之笔', 'Holding the pen'])).toBeNull();
    expect(placeholderShown(deck, [undefined, ' '])).toBeNull();
  });

  it('knows the recorded words even when no template offers them any more', () => {
    expect(placeholderShown({ placeholder: { text: '在此输入大标题' } }, ['在此输入大标题'])).toBe('在此输入大标题');
    expect(placeholderShown({}, ['在此输入大标题'])).toBeNull();
  });

  it('catches the words today\'s templates offer on blocks made before blocks recorded them', () => {
    for (const words of ['主标题', '导语或副题', '图片专版标题', 'Deck in English', '  主标题 ']) expect(placeholderShown({}, [words])).toBe(words.trim());
    expect(placeholderShown({}, ['特刊'])).toBeNull();
  });
});
