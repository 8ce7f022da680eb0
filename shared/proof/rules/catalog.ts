import { confusableDefs } from './confusables';
import { englishDefs } from './english';
import { numberConsistencyDefs } from './number-consistency';
import { numberDefs } from './numbers';
import { punctuationMarkDefs } from './punctuation-marks';
import { punctuationPairDefs } from './punctuation-pairs';
import { punctuationStackedDefs } from './punctuation-stacked';
import { punctuationQuoteEndDefs } from './punctuation-quote-end';
import { punctuationInEnglishDefs } from './punctuation-in-english';
import { punctuationWidthDefs } from './punctuation-width';
import { repeatDefs } from './repeats';
import { termDefs } from './terms';
import { traditionalDefs } from './traditional';
import { typoDefs } from './typos';
import type { RuleDef } from '../types';

/** Every rule with its id, severity, standard and messages (for docs and the rule list). */
export const ALL_RULES: readonly RuleDef[] = [
  ...punctuationWidthDefs, ...punctuationPairDefs, ...punctuationMarkDefs, ...punctuationStackedDefs, ...punctuationQuoteEndDefs, ...punctuationInEnglishDefs, ...numberDefs, ...numberConsistencyDefs,
  ...repeatDefs, ...confusableDefs, ...traditionalDefs, ...termDefs, ...englishDefs,
  ...typoDefs,
];
