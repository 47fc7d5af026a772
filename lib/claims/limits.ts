/** Limits on what a tag may hold (shared by the tag box in the browser and the server's schema). */
export const MAX_NOTE_LENGTH = 10_000;
export const MAX_LABELS = 20;
export const MAX_LABEL_LENGTH = 40;
