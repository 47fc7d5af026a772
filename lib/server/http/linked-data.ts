import { ANNO_MEDIA_TYPE } from '@/lib/export';
import { escapeHtml } from '@/lib/html/escape';

/** Both answers of an IRI depend on the Accept header: caches must keep them apart. */
const VARY = { Vary: 'Accept' };

/** A Web Annotation document as JSON-LD with the annotation profile (Web Annotation Protocol §4.1). */
export function annotationJsonLd(body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      'Content-Type': ANNO_MEDIA_TYPE,
      Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
      ...VARY,
    },
  });
}

/** 303 See Other: the page where a person reads what the IRI names. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...VARY } });
}

/** A short page for a browser that followed an IRI to something no longer here. */
export function htmlNotFound(message: string, home: string): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Not found · Crux Reader</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>Not found</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(home)}">Crux Reader home</a></p></body></html>`;
  return new Response(body, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', ...VARY } });
}
