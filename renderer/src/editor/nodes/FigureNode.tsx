import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, createState, DecoratorNode, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical';
import { FigureView } from './FigureView';

// A photo from the library, referred to by id (never copied), with the caption the story
// shows. The caption is the photo's own unless `captionOverride` marks it as changed on
// purpose for this story (shared/story/node-types.ts, SerializedFigure).
export interface Caption { zh: string; en: string }
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const photoIdState = createState('photoId', { parse: str });
const captionState = createState('caption', {
  parse: (v: unknown): Caption => {
    const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    return { zh: str(o['zh']), en: str(o['en']) };
  },
});
const creditState = createState('credit', { parse: str });
const overrideState = createState('captionOverride', { parse: (v: unknown) => v === true });

export class FigureNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('figure', {
      extends: DecoratorNode,
      stateConfigs: [
        { stateConfig: photoIdState, flat: true },
        { stateConfig: captionState, flat: true },
        { stateConfig: creditState, flat: true },
        { stateConfig: overrideState, flat: true },
      ],
    });
  }
  getPhotoId(): string { return $getState(this, photoIdState); }
  getCaption(): Caption { return $getState(this, captionState); }
  getCredit(): string { return $getState(this, creditState); }
  isCaptionOverride(): boolean { return $getState(this, overrideState); }
  setPhoto(photoId: string, caption: Caption, credit: string): this {
    return $setState($setState($setState(this, photoIdState, photoId), captionState, caption), creditState, credit);
  }
  setCaption(caption: Caption, override: boolean): this {
    return $setState($setState(this, captionState, caption), overrideState, override);
  }

  override createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'ed-figure';
    return el;
  }
  override updateDOM(): false { return false; }
  override isInline(): false { return false; }
  override getTextContent(): string { return ''; }

  override exportDOM(): DOMExportOutput {
    const fig = document.createElement('figure');
    fig.dataset['photoId'] = this.getPhotoId();
    const cap = document.createElement('figcaption');
    cap.textContent = [this.getCaption().zh, this.getCaption().en, this.getCredit()].filter(Boolean).join(' / ');
    fig.append(cap);
    return { element: fig };
  }

  override decorate(): JSX.Element {
    return <FigureView nodeKey={this.getKey()} photoId={this.getPhotoId()} caption={this.getCaption()} credit={this.getCredit()} override={this.isCaptionOverride()} />;
  }
}

export function $createFigureNode(photoId: string, caption: Caption, credit: string): FigureNode {
  return $applyNodeReplacement(new FigureNode()).setPhoto(photoId, caption, credit);
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}

export type { NodeKey };
