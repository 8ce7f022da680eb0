// Every keyboard shortcut of each desk (issue 17: F1 / ? help sheet), with what a user
// coming from Photo Mechanic (photos) or InDesign / InCopy (stories, pages) presses for
// the same thing. The action text is in the i18n catalogs (help.<desk>.<id>); the keys
// and the other tools' keys are the same in both languages. Kept next to the code that
// handles the keys: PhotoDesk.tsx, StoryEditor/ToolbarPlugin, Stage.tsx, block-nav.ts.

export type HelpDesk = 'photos' | 'stories' | 'pages' | 'editions';

export interface Shortcut {
  /** i18n key suffix: help.<desk>.<id> */
  id: string;
  keys: string;
  /** The same action in Photo Mechanic (photos) or InDesign / InCopy (stories, pages); '' where it has none. */
  other: string;
}

const EVERYWHERE: Shortcut[] = [
  { id: 'help', keys: 'F1 / ?', other: 'F1' },
];

export const SHORTCUTS: Record<HelpDesk, Shortcut[]> = {
  photos: [
    { id: 'move', keys: '← → ↑ ↓', other: '← → ↑ ↓' },
    { id: 'extend', keys: 'Shift + ← → ↑ ↓', other: 'Shift + ← → ↑ ↓' },
    { id: 'all', keys: 'Ctrl/⌘ + A', other: 'Ctrl/⌘ + A' },
    { id: 'stars', keys: '1 – 5', other: 'Alt/⌥ + 1 – 5' },
    { id: 'unstar', keys: '0', other: 'Alt/⌥ + 0' },
    { id: 'labels', keys: '6 – 9', other: '1 – 8 (Color Class)' },
    { id: 'loupe', keys: 'Space', other: 'Enter / double-click (Preview)' },
    { id: 'caption', keys: 'Enter', other: 'Ctrl/⌘ + I (IPTC Info)' },
    { id: 'leave', keys: 'Esc', other: 'Esc' },
    { id: 'write', keys: 'Ctrl/⌘ + Enter', other: 'Ctrl/⌘ + S (IPTC Info: Save)' },
    { id: 'codes', keys: '=code=', other: '=code= (Code Replacements)' },
  ],
  stories: [
    { id: 'body', keys: 'Ctrl + Alt + 0', other: 'InCopy: paragraph style shortcut' },
    { id: 'heads', keys: 'Ctrl + Alt + 1 / 2 / 3', other: 'InCopy: paragraph style shortcut' },
    { id: 'kicker', keys: 'Ctrl + Alt + K', other: '' },
    { id: 'headline', keys: 'Ctrl + Alt + T', other: '' },
    { id: 'deck', keys: 'Ctrl + Alt + D', other: '' },
    { id: 'quote', keys: 'Ctrl + Alt + Q', other: '' },
    { id: 'leadIn', keys: 'Ctrl/⌘ + B', other: 'Ctrl/⌘ + Shift + B (Bold)' },
    { id: 'sub', keys: 'Ctrl/⌘ + ,', other: 'Ctrl/⌘ + Alt/⌥ + Shift + =' },
    { id: 'sup', keys: 'Ctrl/⌘ + .', other: 'Ctrl/⌘ + Shift + =' },
    { id: 'undo', keys: 'Ctrl/⌘ + Z', other: 'Ctrl/⌘ + Z' },
    { id: 'redo', keys: 'Ctrl/⌘ + Shift + Z / Ctrl + Y', other: 'Ctrl/⌘ + Shift + Z' },
    { id: 'markdown', keys: '# ␣  ## ␣  > ␣  - ␣  1. ␣  **', other: '' },
  ],
  pages: [
    { id: 'next', keys: 'Tab', other: 'Ctrl/⌘ + Alt/⌥ + ] (Select Next Object)' },
    { id: 'prev', keys: 'Shift + Tab', other: 'Ctrl/⌘ + Alt/⌥ + [ (Select Previous Object)' },
    { id: 'edit', keys: 'Enter', other: 'Enter (Type tool in the frame)' },
    { id: 'back', keys: 'Esc', other: 'Esc (back to the Selection tool)' },
    { id: 'nudge', keys: '← → ↑ ↓', other: '← → ↑ ↓ (Nudge)' },
    { id: 'bigNudge', keys: 'Shift + ← → ↑ ↓', other: 'Shift + ← → ↑ ↓ (×10)' },
    { id: 'resize', keys: 'Alt/⌥ + ← → ↑ ↓', other: '' },
    { id: 'delete', keys: 'Delete / Backspace', other: 'Delete / Backspace' },
    { id: 'undo', keys: 'Ctrl/⌘ + Z', other: 'Ctrl/⌘ + Z' },
    { id: 'redo', keys: 'Ctrl/⌘ + Shift + Z / Ctrl + Y', other: 'Ctrl/⌘ + Shift + Z' },
    { id: 'recrop', keys: 'Alt/⌥ + drag', other: 'Content Grabber (drag the donut)' },
    { id: 'unthreadEsc', keys: 'Esc', other: 'Esc (unload the text cursor)' },
    { id: 'place', keys: 'Enter', other: 'Ctrl/⌘ + D (Place)' },
  ],
  editions: [],
};

export function shortcutsOf(desk: HelpDesk): Shortcut[] {
  return [...SHORTCUTS[desk], ...EVERYWHERE];
}
