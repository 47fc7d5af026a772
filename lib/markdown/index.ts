export { renderNote } from './render-note';
export { isSafeUrl, SAFE_SCHEMES } from './safe-url';
