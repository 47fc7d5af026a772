/** The request header through which the proxy hands a page the path asked for (for its 404 page). */
export const PATH_HEADER = 'x-crux-path';
