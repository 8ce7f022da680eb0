// Proofreading (校对), issue 6: a pure rules engine for Chinese and English newspaper copy.
export * from './types';
export { proofDocument, proofDocuments, findingKey } from './engine';
export { proofEdition, storyDocuments, storyDocId, storyOfDocId, type EditionProofInput } from './edition';
export { countOpenFindings, openFindings, type OpenCounts } from './ignores';
export { stateSegments, sourceLines, columnOf, blockText, type SourceLine } from './segments';
export { DEFAULT_HOUSE_TERMS } from './rules/terms';
export { ALL_RULES } from './rules/catalog';
export { parseTermsFile, termProblems, splitForms, TERM_LIMITS, type TermProblem } from './term-list';
