import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from '@lexical/yjs';
import { $getRoot, $isElementNode, $parseSerializedNode, type ElementNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import * as Y from 'yjs';
import { EditorStateSchema, type SerializedEditorState } from '../../../shared/document/lexical-state';
import { STORY_DATA_NODES } from '../../../shared/story/nodes';

// One language version of a story as a shared document (story/<ed>/<story>/<lang>) has the
// shape Lexical's CollaborationPlugin gives it: doc.get('root', Y.XmlText) bound by
// @lexical/yjs. Main converts between that and the story file's Lexical JSON through a
// headless editor with the story's data nodes (shared/story/nodes), as Lexical's docs do
// on a server, so the renderer's editors and the files agree node for node.
//
// The binding never runs on the live document: the live state is copied into a scratch
// Y.Doc, the headless editor works there, and only the difference is applied back, so a
// half-finished conversion can never reach the server.

const ROOT = 'root';

// The provider the binding wants for cursors: a headless editor has none to share.
function silentProvider(): Provider {
  let local: ReturnType<Provider['awareness']['getLocalState']> = null;
  return {
    awareness: {
      getLocalState: () => local,
      getStates: () => new Map(),
      setLocalState: (s) => { local = s; },
      setLocalStateField: () => {},
      on: () => {},
      off: () => {},
    },
    connect: () => {},
    disconnect: () => {},
    on: () => {},
    off: () => {},
  };
}

interface Bound { editor: LexicalEditor; scratch: Y.Doc; binding: Binding; dispose(): void }

function bind(): Bound {
  const editor = createHeadlessEditor({
    namespace: 'edition-desk-mirror',
    nodes: STORY_DATA_NODES,
    onError: (e) => { throw e; },
  });
  const scratch = new Y.Doc();
  const provider = silentProvider();
  const binding = createBinding(editor, provider, 'mirror', scratch, new Map([['mirror', scratch]]));
  const offUpdate = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    if (!tags.has('collaboration') && !tags.has('skip-collab')) {
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    }
  });
  const observer = (events: Y.YEvent<Y.XmlText>[], tx: Y.Transaction) => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
  };
  const root = scratch.get(ROOT, Y.XmlText);
  root.observeDeep(observer as never);
  return {
    editor, scratch, binding,
    dispose: () => { offUpdate(); root.unobserveDeep(observer as never); scratch.destroy(); },
  };
}

// syncYjsChangesToLexical schedules its editor update; a discrete no-op commits it now.
function flush(editor: LexicalEditor): void {
  editor.update(() => {}, { discrete: true });
}

/** True while no one has written the story version into the document yet. */
export function storyDocIsEmpty(doc: Y.Doc): boolean {
  return doc.get(ROOT, Y.XmlText).length === 0;
}

/**
 * The Lexical JSON a story document holds, or null while it is empty or does not read as
 * a story (then the file on disk is kept as it is).
 */
export function readStoryDoc(doc: Y.Doc): SerializedEditorState | null {
  if (storyDocIsEmpty(doc)) return null;
  const b = bind();
  try {
    Y.applyUpdate(b.scratch, Y.encodeStateAsUpdate(doc));
    flush(b.editor);
    // The root's text direction is not in the shared type (the DOM reconciler derives it in
    // an editor on screen): take it from the blocks, as that reconciler would.
    b.editor.update(() => {
      const root = $getRoot();
      const first = root.getChildren().find((c): c is ElementNode => $isElementNode(c) && c.getDirection() !== null);
      if (root.getDirection() === null && first) root.setDirection(first.getDirection());
    }, { discrete: true });
    const json = b.editor.getEditorState().toJSON();
    const parsed = EditorStateSchema.safeParse(json);
    return parsed.success ? (json as unknown as SerializedEditorState) : null;
  } catch {
    return null;
  } finally {
    b.dispose();
  }
}

/**
 * Writes a story version into its document. An empty document gets the whole state; one
 * that holds a version already is brought to `state` through the editor, so Lexical's own
 * diff decides what changes. Returns false when `state` is not a story this editor reads.
 */
export function writeStoryDoc(doc: Y.Doc, state: SerializedEditorState, origin?: unknown): boolean {
  const b = bind();
  try {
    Y.applyUpdate(b.scratch, Y.encodeStateAsUpdate(doc));
    flush(b.editor);
    const before = Y.encodeStateVector(b.scratch);
    // Through an update, not setEditorState: the binding syncs what an update marks dirty.
    b.editor.update(() => {
      const root = $getRoot();
      root.clear();
      for (const child of state.root.children) root.append($parseSerializedNode(child as unknown as SerializedLexicalNode));
    }, { discrete: true });
    const diff = Y.encodeStateAsUpdate(b.scratch, before);
    Y.applyUpdate(doc, diff, origin);
    return true;
  } catch {
    return false;
  } finally {
    b.dispose();
  }
}
