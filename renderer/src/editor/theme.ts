import type { EditorThemeClasses } from 'lexical';

export const storyTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  text: { bold: 'ed-bold', italic: 'ed-italic', subscript: 'ed-sub', superscript: 'ed-sup', underline: 'ed-underline' },
};
