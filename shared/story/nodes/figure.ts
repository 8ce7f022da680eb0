import { $getState, $setState, createState, DecoratorNode, type LexicalNode } from 'lexical';

// A photo from the library, referred to by id (never copied), with the caption the story
// shows. The caption is the photo's own unless `captionOverride` marks it as changed on
// purpose for this story (shared/story/node-types.ts, SerializedFigure). The data part:
// the renderer's FigureNode adds the DOM and the React view.
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

export class FigureData<T = unknown> extends DecoratorNode<T> {
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
  override isInline(): false { return false; }
  override getTextContent(): string { return ''; }
  // Headless (main) never draws; the renderer's FigureNode returns its React view.
  override decorate(): T { return null as T; }
}

export function $isFigureData(node: LexicalNode | null | undefined): node is FigureData {
  return node instanceof FigureData;
}
