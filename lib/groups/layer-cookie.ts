/** The cookie that remembers which layer the reader shows: a group's id, or empty for the public layer. */
export const LAYER_COOKIE = 'crux-layer';
