import type { EditorThemeClasses } from 'lexical';

// Class names per node type; SimpleBlockNode reads the custom ones (kicker, headline, …).
export const storyTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  kicker: 'ed-kicker',
  headline: 'ed-headline',
  deck: 'ed-deck',
  'section-heading': 'ed-section',
  'pull-quote': 'ed-pull-quote',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li' },
  link: 'ed-link',
  text: { bold: 'ed-bold', italic: 'ed-italic', subscript: 'ed-sub', superscript: 'ed-sup', underline: 'ed-underline' },
};
