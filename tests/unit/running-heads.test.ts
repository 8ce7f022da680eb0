import { describe, expect, it } from 'vitest';
import { formatIssueDate, resolveHeads, weekdayOf } from '../../shared/layout/running-heads';
import { adoptStoryParts, isPlaceholder, shownParts, storyPartText } from '../../shared/layout/story-parts';
import { pageFromTemplate, TEMPLATES } from '../../shared/layout/templates';
import { PAGE_PRESETS, type Story } from '../../shared/document/schema';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';

const ctx = { title: '沁源两会特刊', paper: '长治日报', paperEn: 'Changzhi Daily', issueDate: '2026-03-05', page: 3, pages: 4 };

describe('running heads', () => {
  it('fills {edition} {paper} {date} {weekday} {page} {pages} per language and leaves other braces alone', () => {
    expect(resolveHeads('{edition}　{date} {weekday}　第{page}版', ctx, 'zh')).toBe('沁源两会特刊　2026年3月5日 星期四　第3版');
    expect(resolveHeads('{paper} · {date} · Page {page} of {pages}', ctx, 'en')).toBe('Changzhi Daily · March 5, 2026 · Page 3 of 4');
    expect(resolveHeads('{unknown} {page', ctx, 'zh')).toBe('{unknown} {page');
    expect(formatIssueDate('2026-02-26', 'zh')).toBe('2026年2月26日');
    expect(weekdayOf('2026-02-26', 'en')).toBe('Thursday');
  });
  it('the templates\' running heads use the variables', () => {
    for (const t of TEMPLATES) expect(t.blocks.some((b) => b.text?.includes('{page}'))).toBe(true);
  });
});

const node = (type: string, text: string) => ({ ...paragraph([textNode(text)]), type });
const story: Story = {
  id: 's', title: 't', updatedAt: '',
  zh: rootState([node('kicker', '聚焦两会'), node('headline', '主标题来自稿件'), node('deck', '副题来自稿件'), paragraph([textNode('正文。')])]),
  en: rootState([node('headline', 'Headline from the story')]),
};

describe('story parts', () => {
  it('reads a story\'s kicker / headline / deck per language', () => {
    expect(storyPartText(story, 'headline', 'zh')).toBe('主标题来自稿件');
    expect(storyPartText(story, 'headline', 'en')).toBe('Headline from the story');
    expect(storyPartText(story, 'deck', 'en')).toBe('');
  });
  it('a page from the feature template takes the story\'s parts into its placeholder blocks, once each', () => {
    const page = pageFromTemplate(TEMPLATES.find((t) => t.id === 'feature')!, PAGE_PRESETS.broadsheet, 'p', 'p', 1);
    expect(page.blocks.filter((b) => b.kind === 'headline' || b.kind === 'deck').every((b) => isPlaceholder(b))).toBe(true);
    const after = adoptStoryParts(page, story);
    const tied = after.blocks.filter((b) => b.fromStory);
    expect(tied.map((b) => [b.kind, b.storyId, b.text])).toEqual([['headline', 's', undefined], ['deck', 's', undefined]]);
    // The feature page has no kicker block: the from-story headline heads its title group with the kicker.
    expect([...shownParts([after]).get('s')!].sort()).toEqual(['deck', 'headline', 'kicker']);
    // A block the designer typed into is left alone.
    const typed = { ...page, blocks: page.blocks.map((b) => (b.kind === 'headline' ? { ...b, text: '我的标题' } : b)) };
    expect(adoptStoryParts(typed, story).blocks.find((b) => b.kind === 'headline')!.fromStory).toBeUndefined();
  });
});
