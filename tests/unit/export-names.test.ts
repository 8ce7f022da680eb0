import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/document/schema';
import { exportNames, layoutAuthor, pagesForFile, pagesInWords, pdfTitle } from '../../shared/export/file-names';

// What exports are called: issue date and 版次 in the file names, the edition and its
// pages in the PDF's Title, the 版式 credit as its Author.

const credits = (list: Block['credits']): { blocks: Block[] } => ({
  blocks: [{ id: 'c', kind: 'credits', col: 0, span: 2, yMm: 0, hMm: 20, lang: 'zh', credits: list }],
});

describe('export names', () => {
  it('writes 版次 with two digits and ranges for runs, so names sort', () => {
    expect(pagesForFile([1])).toBe('第01版');
    expect(pagesForFile([4, 2, 3, 1])).toBe('第01-04版');
    expect(pagesForFile([1, 2, 5, 12])).toBe('第01-02、05、12版');
    expect(pagesInWords([1, 2], 'zh')).toBe('第1–2版');
    expect(pagesInWords([3], 'en')).toBe('page 3');
    expect(pagesInWords([1, 2, 4], 'en')).toBe('pages 1–2, 4');
  });

  it('names the PDF, the zip and each page by the issue date, the English version with -en', () => {
    const zh = exportNames({ issueDate: '2026-03-05' }, [1, 2, 3, 4], 'zh');
    expect([zh.pdf, zh.zip, zh.page(1, 'png'), zh.page(12, 'jpg'), zh.page(2, 'html')])
      .toEqual(['20260305-第01-04版.pdf', '20260305-第01-04版.zip', '20260305-第01版.png', '20260305-第12版.jpg', '20260305-第02版.html']);
    const en = exportNames({ issueDate: '2026-03-05' }, [2], 'en');
    expect([en.pdf, en.page(2, 'png')]).toEqual(['20260305-第02版-en.pdf', '20260305-第02版-en.png']);
    // Nothing a file system or a zip tool would refuse.
    for (const n of [zh.pdf, zh.zip, en.pdf]) expect(n).not.toMatch(/[\\/:*?"<>|\s]/);
  });

  it('titles the PDF with the edition and its pages', () => {
    expect(pdfTitle({ title: '两会特刊' }, [1, 2], 'zh')).toBe('两会特刊 第1–2版');
    expect(pdfTitle({ title: '两会特刊' }, [1], 'en')).toBe('两会特刊 page 1');
  });

  it('takes the Author from the 版式 credit (or its synonyms, or a Layout role), each name once', () => {
    expect(layoutAuthor([credits([{ role: '文字', names: ['冯波'] }, { role: '版式', names: ['高琪'] }])])).toBe('高琪');
    expect(layoutAuthor([credits([{ role: '美编', names: ['王敏', ' '] }]), credits([{ role: '版式', names: ['王敏', '李娜'] }])])).toBe('王敏 李娜');
    expect(layoutAuthor([credits([{ role: '设计', roleEn: 'Layout', names: ['张三'] }])])).toBe('张三');
    expect(layoutAuthor([credits([{ role: '图片', names: ['沁源县融媒体中心'] }])])).toBe('');
    expect(layoutAuthor([])).toBe('');
  });
});
