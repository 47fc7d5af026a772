/**
 * What the creator IRI of an imported annotation names, from this site's point of view: one of
 * this site's accounts, something else of this site, or someone elsewhere — who becomes an external
 * author keyed by that IRI.
 */
export type CreatorIri =
  /** `{origin}/users/{id}`, or `acct:{id}@{this host}`: an account of this site (whether or not it exists). */
  | { kind: 'site-user'; userId: string }
  /** Of this site's origin (or `acct:…@` its host), but no user IRI: nobody this site can name. */
  | { kind: 'site' }
  | {
      kind: 'external';
      iri: string;
      /** Where the author lives, "hypothes.is"; '' when the IRI names no host (urn:…). */
      host: string;
      /** The handle the IRI gives ("alice" of acct:alice@hypothes.is, "42" of …/users/42), if any. */
      handle: string | null;
      /** A mailto: IRI's address, lower-cased: it may be the email of a local account. */
      email: string | null;
      /** Every UUID in the IRI, lower-cased: under any host, one may be a local account's id. */
      uuids: string[];
    }
  | { kind: 'invalid'; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ACCOUNT = /^(acct|mailto):([^@\s]+)@([^@\s/?#]+)$/i;

const uuidsIn = (iri: string) => [...new Set((iri.match(UUID) ?? []).map((u) => u.toLowerCase()))];

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The last non-empty path segment of a URL, decoded ("42" of https://other.example/users/42/). */
function lastSegment(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  return segments.length ? decoded(segments[segments.length - 1]) : null;
}

/** Reads a creator IRI against this site's public origin (lib/server/public-origin.ts). */
export function readCreatorIri(iri: string, origin: string): CreatorIri {
  const site = new URL(origin);
  const trimmed = iri.trim();
  if (!SCHEME.test(trimmed) || /\s/.test(trimmed)) {
    return { kind: 'invalid', reason: 'not an IRI (expected e.g. acct:alice@hypothes.is or https://…/users/42)' };
  }
  const account = ACCOUNT.exec(trimmed);
  if (account) {
    const [, scheme, local, host] = account;
    const name = decoded(local);
    if (host.toLowerCase() === site.host.toLowerCase()) {
      const [uuid] = uuidsIn(name);
      return uuid && uuid === name.toLowerCase() ? { kind: 'site-user', userId: uuid } : { kind: 'site' };
    }
    const mail = scheme.toLowerCase() === 'mailto';
    return {
      kind: 'external',
      iri: trimmed,
      host: host.toLowerCase(),
      handle: name,
      email: mail ? `${name}@${host}`.toLowerCase() : null,
      uuids: uuidsIn(trimmed),
    };
  }
  if (!URL.canParse(trimmed)) return { kind: 'invalid', reason: 'not an IRI' };
  const url = new URL(trimmed);
  if (/^https?:$/.test(url.protocol)) {
    // Any scheme on this site's host is this site: https://this-host/… must not pass for someone else.
    if (url.host.toLowerCase() === site.host.toLowerCase()) {
      const base = site.pathname.replace(/\/+$/, '');
      const path = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : '';
      const match = /^\/users\/([^/]+)$/.exec(path);
      const id = match ? decoded(match[1]).toLowerCase() : null;
      return id && uuidsIn(id)[0] === id && !url.search && !url.hash
        ? { kind: 'site-user', userId: id }
        : { kind: 'site' };
    }
    return {
      kind: 'external',
      iri: trimmed,
      host: url.host,
      handle: lastSegment(url),
      email: null,
      uuids: uuidsIn(trimmed),
    };
  }
  return {
    kind: 'external',
    iri: trimmed,
    host: url.host,
    handle: url.host ? lastSegment(url) : null,
    email: null,
    uuids: uuidsIn(trimmed),
  };
}
