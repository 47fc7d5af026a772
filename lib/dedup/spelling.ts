/**
 * One spelling for words that British and American English spell differently, so that
 * "optimise" and "optimize", "behaviour" and "behavior", "modelled" and "modeled" compare equal.
 * Applied to both sides of a comparison: a rule that also rewrites a word with no variant
 * ("precise" → "precize") only ever makes it equal to a non-word.
 */

/** Whole words that no suffix rule covers. */
const WORDS = new Map(
  Object.entries({
    judgement: 'judgment',
    judgements: 'judgments',
    acknowledgement: 'acknowledgment',
    programme: 'program',
    programmes: 'programs',
    grey: 'gray',
    learnt: 'learned',
    spelt: 'spelled',
    ageing: 'aging',
    practise: 'practice',
    practised: 'practiced',
    practising: 'practicing',
    sceptic: 'skeptic',
    sceptical: 'skeptical',
    scepticism: 'skepticism',
    aluminium: 'aluminum',
    towards: 'toward',
    amongst: 'among',
    whilst: 'while',
  }),
);

/**
 * Suffix rules, longest first: -ise/-isation → -ize/-ization, -yse → -yze, -our → -or (at least
 * three letters before it, so "four", "your", "hour" keep theirs), -tre → -ter, -ence → -ense
 * (defence, licence, offence), -ogue → -og, -elled/-alled → -eled/-aled.
 */
const RULES: [RegExp, string][] = [
  [/(\w{2})is(e|es|ed|ing|ation|ations|er|ers|able)$/, '$1iz$2'],
  [/(\w{2})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  [/(\w{3})our(s|ed|ing|able|al|ally|ite|ites|er|ers|ful|less|ism|ist|ists)?$/, '$1or$2'],
  [/(\w{2})tre(s|d)?$/, '$1ter$2'],
  [/(\w{2}[cf])ence(s)?$/, '$1ense$2'],
  [/(\w{3})ogue(s)?$/, '$1og$2'],
  [/(\w{2}[ae])ll(ed|ing|er|ers)$/, '$1l$2'],
];

/** The word in one spelling (lower case in, lower case out). */
export function canonicalSpelling(word: string): string {
  const whole = WORDS.get(word);
  if (whole) return whole;
  if (word.length < 5) return word;
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}
