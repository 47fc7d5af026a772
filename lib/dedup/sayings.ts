import { wordsOf as shinglesOf } from './shingles';

/**
 * Well-known sayings that writers in these threads use as their own words. Two comments that both
 * say "when a measure becomes a target, it ceases to be a good measure" quote Goodhart, not each
 * other: a repeat that is mostly one of these is not folded. Kept in matching form (lower case,
 * words only); a saying is recognised in any of its usual wordings listed here.
 */
const SAYINGS = [
  'when a measure becomes a target it ceases to be a good measure',
  'any observed statistical regularity will tend to collapse once pressure is placed upon it for control purposes',
  'all models are wrong but some are useful',
  'the map is not the territory',
  'the ai does not hate you nor does it love you but you are made out of atoms which it can use for something else',
  'you cant fetch the coffee if youre dead',
  'extraordinary claims require extraordinary evidence',
  'absence of evidence is not evidence of absence',
  'correlation does not imply causation',
  'correlation is not causation',
  'premature optimization is the root of all evil',
  'no plan survives contact with the enemy',
  'the perfect is the enemy of the good',
  'perfect is the enemy of good',
  'it is difficult to get a man to understand something when his salary depends on his not understanding it',
  'if its stupid but it works it isnt stupid',
  'what gets measured gets managed',
  'strong opinions weakly held',
  'that which can be destroyed by the truth should be',
  'politics is the mind killer',
  'the road to hell is paved with good intentions',
  'the future is already here its just not evenly distributed',
  'any sufficiently advanced technology is indistinguishable from magic',
  'the first principle is that you must not fool yourself and you are the easiest person to fool',
  'its not what you dont know that gets you into trouble its what you know for sure that just aint so',
  'it aint what you dont know that gets you into trouble its what you know for sure that just aint so',
  'prediction is very difficult especially about the future',
  'its difficult to make predictions especially about the future',
  'everyone has a plan until they get punched in the mouth',
  'plans are worthless but planning is everything',
  'if all you have is a hammer everything looks like a nail',
  'the best way to predict the future is to invent it',
  'move fast and break things',
  'hope is not a strategy',
  'trust but verify',
  'a chain is only as strong as its weakest link',
  'an ounce of prevention is worth a pound of cure',
  'the devil is in the details',
  'there is no such thing as a free lunch',
  'theres no such thing as a free lunch',
  'there is no free lunch',
  'in theory there is no difference between theory and practice in practice there is',
  'what i cannot create i do not understand',
  'the purpose of a system is what it does',
  'shut up and multiply',
  'reality is that which when you stop believing in it doesnt go away',
  'everything should be made as simple as possible but no simpler',
  'make everything as simple as possible but not simpler',
  'those who cannot remember the past are condemned to repeat it',
  'insanity is doing the same thing over and over again and expecting different results',
  'the plural of anecdote is not data',
  'science advances one funeral at a time',
  'not everything that counts can be counted and not everything that can be counted counts',
  'the test of a first rate intelligence is the ability to hold two opposed ideas in mind at the same time',
  'power tends to corrupt and absolute power corrupts absolutely',
  'with great power comes great responsibility',
  'who watches the watchmen',
  'fool me once shame on you fool me twice shame on me',
  'the first ultraintelligent machine is the last invention that man need ever make',
  'by far the greatest danger of artificial intelligence is that people conclude too early that they understand it',
  'the question of whether a computer can think is no more interesting than the question of whether a submarine can swim',
  'if i had asked people what they wanted they would have said faster horses',
  'if you want to make an apple pie from scratch you must first invent the universe',
  'if you wish to make an apple pie from scratch you must first invent the universe',
  'the biggest lesson that can be read from 70 years of ai research is that general methods that leverage computation are ultimately the most effective',
  'intelligence and final goals are orthogonal',
  'more or less any level of intelligence could in principle be combined with more or less any final goal',
  'the stakes could not be higher',
  'if you cant measure it you cant improve it',
  'you cant improve what you dont measure',
  'what you measure is what you get',
  'the proof of the pudding is in the eating',
  'better safe than sorry',
  'the only thing we have to fear is fear itself',
  'the medium is the message',
  'good judgment comes from experience and experience comes from bad judgment',
  'the enemy of my enemy is my friend',
  'when the facts change i change my mind',
  'if the facts dont fit the theory change the facts',
  'it is a capital mistake to theorize before one has data',
  'beware of the man of one book',
  'the mind is not a vessel to be filled but a fire to be kindled',
  'the unexamined life is not worth living',
];

/** Shingles of the sayings (three words in a row, hashed as the passage index hashes them). */
const SAYING_SHINGLES = new Set(SAYINGS.flatMap((saying) => shinglesOf(saying).shingles));

/** Is this shingle three words of a saying in a row? Only a quote holding one may be a saying. */
export const isSayingShingle = (shingle: number) => SAYING_SHINGLES.has(shingle);

const WORD_RUN = /[a-z0-9\u0080-\uffff]+/g;
const wordsOf = (normalized: string) => normalized.match(WORD_RUN) ?? [];
const SAYING_WORDS = SAYINGS.map((saying) => ` ${wordsOf(saying).join(' ')} `);
const LONGEST = Math.max(...SAYING_WORDS.map((saying) => saying.length));

/** Share of a repeat's words a saying must cover for the repeat to be the saying. */
const MOSTLY = 0.6;
/** Share of a repeat's three-word runs that must come from sayings when it words one its own way. */
const MOSTLY_IN_OTHER_WORDS = 0.5;

/**
 * The sayings by each word they hold: a repeat inside a saying holds its first word, and a saying
 * inside a repeat has its first word in it.
 */
const BY_WORD = new Map<string, Set<string>>();
for (const saying of SAYING_WORDS) {
  for (const word of wordsOf(saying)) {
    const sayings = BY_WORD.get(word) ?? new Set<string>();
    sayings.add(saying);
    BY_WORD.set(word, sayings);
  }
}

/**
 * Is this repeat (normalised text) mostly a well-known saying, or a part of one: in the words of
 * the list, or in other words with most of its three-word runs from one ("when a measure becomes a
 * target, it stops being a good measure")?
 */
export function isSaying(normalized: string): boolean {
  if (normalized.length * MOSTLY > LONGEST) return false;
  const { shingles } = shinglesOf(normalized);
  if (shingles.length > 0 && shingles.filter(isSayingShingle).length >= MOSTLY_IN_OTHER_WORDS * shingles.length)
    return true;
  const list = wordsOf(normalized);
  if (list.length === 0) return false;
  const words = ` ${list.join(' ')} `;
  for (const saying of BY_WORD.get(list[0] as string) ?? []) if (saying.includes(words)) return true;
  for (const word of list) {
    for (const saying of BY_WORD.get(word) ?? []) {
      if (saying.startsWith(` ${word} `) && words.includes(saying) && saying.length >= MOSTLY * words.length)
        return true;
    }
  }
  return false;
}
