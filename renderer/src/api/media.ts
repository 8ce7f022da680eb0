export type MediaSizeName = 'thumb' | 'preview' | 'original';
