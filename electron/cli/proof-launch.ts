// What bin/edition-desk.mjs loads before the proof bundle (issue 15): the code-cache loader
// and the choice of V8's tiers for the run, one small CommonJS file (out/cli/proof-launch.cjs).
export { requireCached } from './compile-cache';
export { tierForProof } from './short-run';
