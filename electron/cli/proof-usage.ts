// The usage error of `edition-desk proof`, apart from the verb so the CLI's error handler
// does not load the proof engine.

export class ProofUsageError extends Error {}
