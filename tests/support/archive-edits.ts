import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readStory, writeStory } from '../../electron/services/edition-store';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { LibraryPhoto } from '../../shared/photo/library';

// The two saves the catalogue's incremental tests make on a generated archive (archive-gen.ts),
// as the desk would: shared by catalog-update.test.ts and the node:sqlite parity script.

/** p-120's caption becomes 连翘 / forsythia; returns the saved record for the hook. */
export async function saveForsythiaCaption(root: string): Promise<LibraryPhoto> {
  const file = join(root, 'library', 'records', 'p-120.json');
  const photo = LibraryPhoto.parse(JSON.parse(await readFile(file, 'utf8')));
  photo.meta.caption = { zh: '太岳山下的连翘花开了', en: 'Forsythia in bloom below Mount Taiyue' };
  await writeFile(file, JSON.stringify(photo));
  return photo;
}

/** Story s-1-7 of e01.edition gets a 湿地 title and an English egret paragraph; returns its folder. */
export async function saveWetlandStory(root: string): Promise<string> {
  const dir = join(root, 'e01.edition');
  const story = await readStory(dir, 's-1-7');
  story.title = '沁河湿地观鸟记';
  story.en = rootState([paragraph([textNode('Birdwatchers counted egrets on the Qin river wetland.')])]);
  await writeStory(dir, story);
  return dir;
}
