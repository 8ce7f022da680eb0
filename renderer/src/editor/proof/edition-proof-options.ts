import { houseStyleOf } from '../../../../shared/document/house-style';
import { call } from '../../api/client';

// The proofreading choices an edition's house style makes (版式规范, edition.json): today
// whether stacked ！！ / ？？！！ are flagged (issue 14). Main reads the same file for the
// edition-wide list (proof-service.ts), so the editor and the list agree.

export async function editionProofOptions(edition: string | undefined): Promise<{ flagStackedMarks: boolean }> {
  if (!edition) return { flagStackedMarks: false };
  try {
    return { flagStackedMarks: houseStyleOf(await call('edition:open', { edition })).flagStackedMarks !== false };
  } catch {
    return { flagStackedMarks: true }; // the house default; the edition list says what failed
  }
}
