import { $getState, $setState, createState, DecoratorNode, type LexicalNode } from 'lexical';
import type { Credit } from '../../document/schema';

// The credits block (策划 / 统筹 / 文字 / 图片 / 版式) as structured data, so the page can
// set it as a table and the English version can print Planning / Coordination / …
// The data part: the renderer's CreditsNode adds the DOM and the React view.
const creditsState = createState('credits', {
  parse: (v: unknown): Credit[] => (Array.isArray(v) ? v : [])
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
    .map((c) => ({
      role: typeof c['role'] === 'string' ? c['role'] : '',
      roleEn: typeof c['roleEn'] === 'string' ? c['roleEn'] : '',
      names: Array.isArray(c['names']) ? c['names'].filter((n): n is string => typeof n === 'string') : [],
    })),
});

export class CreditsData<T = unknown> extends DecoratorNode<T> {
  override $config() {
    return this.config('credits', { extends: DecoratorNode, stateConfigs: [{ stateConfig: creditsState, flat: true }] });
  }
  getCredits(): Credit[] { return $getState(this, creditsState); }
  setCredits(list: Credit[]): this { return $setState(this, creditsState, list); }
  override isInline(): false { return false; }
  override getTextContent(): string { return this.getCredits().map((c) => `${c.role} / ${c.names.join(' ')}`).join('\n'); }
  override decorate(): T { return null as T; }
}

export function $isCreditsData(node: LexicalNode | null | undefined): node is CreditsData {
  return node instanceof CreditsData;
}
