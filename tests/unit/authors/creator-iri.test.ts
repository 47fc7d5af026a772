import { describe, expect, it } from 'vitest';
import { readCreatorIri } from '@/lib/authors/creator-iri';
import { externalAuthorLabel, externalName } from '@/lib/authors/external-author';

const origin = 'https://crux.example.org';
const ID = '0190c5a2-0000-7000-8000-00000000000a';

describe('readCreatorIri', () => {
  it("reads this site's user IRIs, in any scheme, and acct: URIs of its host, as this site's accounts", () => {
    expect(readCreatorIri(`${origin}/users/${ID}`, origin)).toEqual({ kind: 'site-user', userId: ID });
    expect(readCreatorIri(`http://CRUX.example.org/users/${ID.toUpperCase()}`, origin)).toEqual({
      kind: 'site-user',
      userId: ID,
    });
    expect(readCreatorIri(`acct:${ID}@crux.example.org`, origin)).toEqual({ kind: 'site-user', userId: ID });
  });

  it('reads anything else of this host as the site, never as someone elsewhere', () => {
    for (const iri of [
      `${origin}/users/nora`,
      `${origin}/threads/x`,
      `${origin}/users/${ID}/x`,
      'acct:nora@crux.example.org',
    ])
      expect(readCreatorIri(iri, origin)).toEqual({ kind: 'site' });
  });

  it('reads other IRIs as external authors, with host, handle, email and every UUID in them', () => {
    expect(readCreatorIri('acct:alice@hypothes.is', origin)).toEqual({
      kind: 'external',
      iri: 'acct:alice@hypothes.is',
      host: 'hypothes.is',
      handle: 'alice',
      email: null,
      uuids: [],
    });
    expect(readCreatorIri(`https://evil.example/people/${ID}/`, origin)).toMatchObject({
      kind: 'external',
      host: 'evil.example',
      handle: ID,
      uuids: [ID],
    });
    expect(readCreatorIri('mailto:Nora@Example.com', origin)).toMatchObject({ email: 'nora@example.com' });
    expect(readCreatorIri(`urn:uuid:${ID}`, origin)).toMatchObject({ kind: 'external', host: '', uuids: [ID] });
  });

  it('refuses what is not an IRI', () => {
    expect(readCreatorIri('Nora', origin).kind).toBe('invalid');
    expect(readCreatorIri('https://a b.example/x', origin).kind).toBe('invalid');
  });
});

describe('external authors', () => {
  const alice = readCreatorIri('acct:alice@hypothes.is', origin);
  const other = readCreatorIri('https://other.example/users/42', origin);
  if (alice.kind !== 'external' || other.kind !== 'external') throw new Error('expected external authors');

  it('are shown with where they come from: "alice · hypothes.is"', () => {
    expect(externalAuthorLabel(alice, null)).toBe('alice · hypothes.is');
    expect(externalAuthorLabel(alice, '  Alice   Liddell ')).toBe('Alice Liddell · hypothes.is');
    expect(externalAuthorLabel(other, null)).toBe('42 · other.example');
    expect(externalName(other, 'x'.repeat(200))).toHaveLength(80);
  });
});
