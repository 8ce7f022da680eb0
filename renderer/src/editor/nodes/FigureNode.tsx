import type { JSX } from 'react';
import { $applyNodeReplacement, type DOMExportOutput, type LexicalNode, type NodeKey } from 'lexical';
import { FigureData, type Caption } from '../../../../shared/story/nodes/figure';
import { FigureView } from './FigureView';

// A photo from the library with the caption the story shows: the shared data part
// (shared/story/nodes/figure.ts) with its DOM and React view here.
export type { Caption };

export class FigureNode extends FigureData<JSX.Element> {
  override $config() {
    return this.config('figure', { extends: FigureData });
  }
  override createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'ed-figure';
    return el;
  }
  override updateDOM(): false { return false; }

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
