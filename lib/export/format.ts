/** Scores (0–1) with two decimals: "0.67". */
export const score = (value: number) => value.toFixed(2);

/** A 0–100 confidence, rounded: "48". */
export const confidence = (value: number) => String(Math.round(value));

/** "1 tagger", "12 taggers". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The generation time, in UTC to the minute: "2025-03-04 10:00 UTC". */
export const timestamp = (iso: string) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
