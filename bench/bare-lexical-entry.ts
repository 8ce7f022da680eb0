import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';

// The editor-keystroke benchmark's reference (issue 15, item 4): a bare Lexical editor,
// the same version as the app's, with rich text and history and nothing else (no
// plugins, counts, proofing or React), holding the same paragraphs. Bundled by the
// benchmark at run time and loaded into a blank page of the same Chromium.

/** A paragraph as its text runs: [text, Lexical format bits] (a bold lead-in, then the copy). */
export type BareParagraph = [string, number][];

// `id`: the element to edit; the 对照 reference sets up two, side by side.
(window as unknown as { __setupBare: (paras: BareParagraph[], id?: string) => void }).__setupBare = (paras, id = 'bare') => {
  const el = document.getElementById(id)!;
  const editor = createEditor({ namespace: 'bare', nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
  editor.setRootElement(el);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  editor.update(() => {
    const root = $getRoot();
    for (const runs of paras) root.append($createParagraphNode().append(...runs.map(([text, format]) => $createTextNode(text).setFormat(format))));
  }, { discrete: true });
};
