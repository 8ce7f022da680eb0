// The edition and .docx readers as the text-only proof bundle (out/cli/proof-text.cjs) has
// them: not at all. scripts/build.mjs points proof-files.ts's two lazy imports here for that
// bundle, which bin/edition-desk.cjs runs only for a regular .md/.txt file (proof-launch.ts),
// so neither is ever called; the readers, zod and xmldom stay out of the bundle every start
// of `edition-desk proof page.md` loaded (1 MB → ~0.3 MB, issue 15).

function unreachable(): never {
  throw new Error('edition-desk: the text-only proof bundle cannot read a .docx or an edition folder');
}

export const readDocx = unreachable;
export const readEdition = unreachable;
export const readPages = unreachable;
export const readStory = unreachable;
export const listStoryIds = unreachable;
