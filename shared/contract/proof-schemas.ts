import { z } from 'zod';

// Outputs of the proofreading channels (proof:*, issue 6), beside contract.ts as
// export-schemas.ts is. A finding is shared/proof's Finding.

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const ProofFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  standard: z.string(),
  message: Bilingual,
  docId: z.string(),
  segmentId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  fix: z.object({ start: z.number().int(), end: z.number().int(), replacement: z.string() }).optional(),
  key: z.string(),
});

/** Ignored finding keys of one edition; a key is rule, story, text and a little context. */
export const ProofIgnoreKeys = z.array(z.string().min(1).max(1000)).max(20000);

export const ProofDictionary = z.object({ aff: z.string(), dic: z.string() });
