// 异体字 that simplified copy must not carry and that neither OpenCC's t→cn table (it keeps
// them: Taiwan's standard forms) nor GB 2312 catches: the variant → its standard form, per
// 《第一批异体字整理表》 (1955) as 《通用规范汉字表》 (2013) keeps it. Kept short on purpose:
// only entries whose status there is certain. 妳 (你) is left out: the 2013 table's
// appendix is not at hand here to confirm it, and a wrong entry would flag correct copy.
//
// 牠 → 它: an animal is 它 in mainland copy. Before this list the 错别字 detector took 牠 for
// an unexplained character and proposed 他, a wrong fix (SIGHAN-15's learners' essays, where
// 牠 is Taiwan's correct form, showed it: 4 of its 6 error-level findings on correct sentences).

/** Each variant with its standard form: the one list the two views below are made from. */
const PAIRS: readonly (readonly [variant: string, standard: string])[] = [['牠', '它']];

export const VARIANT_STANDARD: ReadonlyMap<number, string> = new Map(PAIRS.map(([v, s]) => [v.charCodeAt(0), s]));

/** The variants as strings, for a scan by indexOf. */
export const VARIANT_CHARS: readonly string[] = PAIRS.map(([v]) => v);
