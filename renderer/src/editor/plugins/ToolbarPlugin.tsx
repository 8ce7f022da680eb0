import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND, REDO_COMMAND, UNDO_COMMAND, $insertNodes } from 'lexical';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { setBlockType, toggleLeadIn, type BlockType } from './block-format';
import { $createCreditsNode } from '../nodes/CreditsNode';
import { $createFigureNode } from '../nodes/FigureNode';
import { usePhotoLibrary } from '../nodes/photo-library-context';
// The 插图 picker is the composer strip's library grid: the same thumbnails, search and filters.
import { PickLibrary } from '../../features/pages/strip/LibraryBrowser';

// Every structure of a feature story a click (and a shortcut) away. Shortcuts follow
// Word/WPS where they have one: Ctrl+B bold lead-in, Ctrl+, / Ctrl+. sub/superscript,
// Ctrl+Alt+1…3 section heads, Ctrl+Alt+0 body text, Ctrl+K link.
const BLOCKS: [BlockType, MessageKey, string][] = [
  ['paragraph', 'tool.paragraph', 'Ctrl+Alt+0'], ['kicker', 'tool.kicker', 'Ctrl+Alt+K'], ['headline', 'tool.headline', 'Ctrl+Alt+T'],
  ['deck', 'tool.deck', 'Ctrl+Alt+D'], ['h1', 'tool.h1', 'Ctrl+Alt+1'], ['h2', 'tool.h2', 'Ctrl+Alt+2'], ['h3', 'tool.h3', 'Ctrl+Alt+3'],
  ['pull-quote', 'tool.pullQuote', 'Ctrl+Alt+Q'],
];
const KEY_BLOCK: Record<string, BlockType> = { '0': 'paragraph', k: 'kicker', t: 'headline', d: 'deck', '1': 'h1', '2': 'h2', '3': 'h3', q: 'pull-quote' };

export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const lib = usePhotoLibrary();
  const [picking, setPicking] = useState(false);

  useEffect(() => mergeRegister(
    editor.registerCommand(KEY_DOWN_COMMAND, (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return false;
      const key = e.key.toLowerCase();
      if (e.altKey && (key in KEY_BLOCK || e.code.replace(/^(Digit|Key)/, '').toLowerCase() in KEY_BLOCK)) {
        const k = key in KEY_BLOCK ? key : e.code.replace(/^(Digit|Key)/, '').toLowerCase();
        e.preventDefault();
        setBlockType(editor, KEY_BLOCK[k]!);
        return true;
      }
      if (!e.altKey && key === 'b') { e.preventDefault(); toggleLeadIn(editor); return true; }
      if (!e.altKey && key === ',') { e.preventDefault(); editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'subscript'); return true; }
      if (!e.altKey && key === '.') { e.preventDefault(); editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'superscript'); return true; }
      if (!e.altKey && key === 'k') { e.preventDefault(); askLink(); return true; }
      return false;
    }, COMMAND_PRIORITY_LOW),
  ), [editor]);

  // The link's address is typed in the toolbar (window.prompt does not exist in Electron);
  // only http, https and mailto are accepted, as LinkPlugin's validateUrl also insists.
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  const askLink = () => setLinkUrl('https://');
  const applyLink = () => {
    const url = (linkUrl ?? '').trim();
    if (/^(https?:\/\/\S+|mailto:\S+)$/i.test(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkUrl(null);
  };
  const removeLink = () => editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);

  const insertFigure = (id: string) => {
    const p = lib.photos.get(id);
    if (!p) return;
    editor.update(() => { $insertNodes([$createFigureNode(p.id, p.meta.caption, p.meta.credit)]); });
    setPicking(false);
    // The edition gets its own copy, as when a photo is placed in a frame (issue 10 item 4).
    void lib.place?.(p.id);
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('tool.label')}>
      <button type="button" onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} title="Ctrl+Z">{t('tool.undo')}</button>
      <button type="button" onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} title="Ctrl+Shift+Z">{t('tool.redo')}</button>
      <span className="sep" />
      {BLOCKS.map(([type, label, keys]) => (
        <button type="button" key={type} name={`block-${type}`} title={keys} onClick={() => setBlockType(editor, type)}>{t(label)}</button>
      ))}
      <span className="sep" />
      <button type="button" name="lead-in" title="Ctrl+B" onClick={() => toggleLeadIn(editor)}><strong>{t('tool.leadIn')}</strong></button>
      <button type="button" name="subscript" title="Ctrl+," onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'subscript')}>X<sub>2</sub></button>
      <button type="button" name="superscript" title="Ctrl+." onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'superscript')}>X<sup>2</sup></button>
      <button type="button" name="bullet-list" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>{t('tool.bullets')}</button>
      <button type="button" name="number-list" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>{t('tool.numbers')}</button>
      {linkUrl === null
        ? (<><button type="button" name="link" title="Ctrl+K" onMouseDown={(e) => e.preventDefault()} onClick={askLink}>{t('tool.link')}</button>
            <button type="button" name="unlink" onClick={removeLink}>{t('tool.unlink')}</button></>)
        : (<span className="link-entry">
            <input name="link-url" aria-label={t('tool.link')} value={linkUrl} autoFocus onChange={(e) => setLinkUrl(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyLink(); } if (e.key === 'Escape') setLinkUrl(null); }} />
            <button type="button" name="link-apply" onMouseDown={(e) => e.preventDefault()} onClick={applyLink}>OK</button>
          </span>)}
      <span className="sep" />
      <button type="button" name="insert-figure" onClick={() => setPicking((v) => !v)}>{t('tool.figure')}</button>
      <button type="button" name="insert-credits" onClick={() => editor.update(() => { $insertNodes([$createCreditsNode([
        { role: '策划', roleEn: 'Planning', names: [] }, { role: '统筹', roleEn: 'Coordination', names: [] }, { role: '文字', roleEn: 'Text', names: [] },
        { role: '图片', roleEn: 'Photos', names: [] }, { role: '版式', roleEn: 'Layout', names: [] },
      ])]); })}>{t('tool.credits')}</button>
      {picking && (
        <div className="figure-picker with-thumbs" role="dialog" aria-label={t('strip.figureSearch')}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setPicking(false); } }}>
          <PickLibrary photos={[...lib.photos.values()]} label={t('tool.figure')} onPick={insertFigure} autoFocusSearch />
        </div>
      )}
    </div>
  );
}
