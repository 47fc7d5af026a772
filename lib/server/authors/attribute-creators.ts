import { readCreatorIri } from '@/lib/authors/creator-iri';
import { externalAuthorLabel, externalName } from '@/lib/authors/external-author';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '../auth/session';
import { uuidv7 } from '../db/uuid';
import { unprocessable } from '../http/errors';

type Tx = Prisma.TransactionClient;

/** A creator as an import document names it, with the JSON path of that name. */
export interface CreatorRef {
  iri: string | null;
  name: string | null;
  path: string;
}

export interface Attribution {
  /** The user each creator IRI is written as ('' for "no creator": the importer). */
  userOf: Map<string, string>;
  /** External authors the import names (new or known), for the report. */
  externalAuthors: { id: string; iri: string; name: string }[];
}

const SPEAK_FOR_YOURSELF = 'an import can speak only for the account that sends it';

interface External {
  iri: string;
  name: string;
  label: string;
}

/**
 * Whose each imported annotation is. Content is never attributed to a local account other than the
 * importer's: a creator IRI naming the importer's own account (this site's user IRI, or any IRI
 * holding their id or email) is the importer; one naming any other account of this site — under
 * any host, by id or by email — refuses the whole import (422 at that creator's path); anyone
 * else becomes an external author keyed by the IRI, who cannot sign in and is never merged with a
 * local account. No creator: the importer's own.
 */
export async function attributeCreators(
  tx: Tx,
  creators: readonly CreatorRef[],
  importer: SessionUser,
  origin: string,
): Promise<Attribution> {
  const userOf = new Map<string, string>([['', importer.id]]);
  const externals = new Map<string, External>();
  const read = creators.flatMap((creator) =>
    creator.iri === null || userOf.has(creator.iri)
      ? []
      : [{ creator, iri: creator.iri, at: readCreatorIri(creator.iri, origin) }],
  );
  const uuids = [...new Set(read.flatMap(({ at }) => (at.kind === 'external' ? at.uuids : [])))];
  const emails = [...new Set(read.flatMap(({ at }) => (at.kind === 'external' && at.email ? [at.email] : [])))];
  const locals =
    uuids.length || emails.length
      ? await tx.user.findMany({
          where: { externalIri: null, OR: [{ id: { in: uuids } }, { email: { in: emails } }] },
          select: { id: true, email: true },
        })
      : [];
  for (const { creator, iri, at } of read) {
    if (userOf.has(iri)) continue;
    const refuse = (message: string) => unprocessable(`${creator.path}: ${message}`, creator.path);
    switch (at.kind) {
      case 'invalid':
        throw refuse(at.reason);
      case 'site':
        throw refuse(`names this site (${iri}) but none of its readers; ${SPEAK_FOR_YOURSELF}`);
      case 'site-user':
        if (at.userId !== importer.id)
          throw refuse(`names another account of this site (${iri}); ${SPEAK_FOR_YOURSELF}`);
        userOf.set(iri, importer.id);
        break;
      case 'external': {
        const local = locals.find(
          (user) => at.uuids.includes(user.id) || (at.email !== null && user.email === at.email),
        );
        if (local && local.id !== importer.id)
          throw refuse(`names the account of another reader of this site (${iri}); ${SPEAK_FOR_YOURSELF}`);
        if (local) userOf.set(iri, importer.id);
        else if (!externals.has(iri))
          externals.set(iri, {
            iri,
            name: externalName(at, creator.name),
            label: externalAuthorLabel(at, creator.name),
          });
      }
    }
  }
  const externalAuthors = await externalAuthorsFor(tx, [...externals.values()]);
  for (const author of externalAuthors) userOf.set(author.iri, author.id);
  return { userOf, externalAuthors };
}

/**
 * The external authors with these IRIs, made where missing. INSERT … ON CONFLICT DO NOTHING: two
 * imports naming the same new author at once both end with the one row.
 */
async function externalAuthorsFor(tx: Tx, authors: External[]): Promise<Attribution['externalAuthors']> {
  if (!authors.length) return [];
  const now = new Date();
  await tx.$executeRaw`
    INSERT INTO "User" ("id", "name", "externalIri", "externalName", "updatedAt")
    SELECT a.id::uuid, a.label, a.iri, a.name, ${now}
    FROM unnest(${authors.map(() => uuidv7())}::text[], ${authors.map((a) => a.label)}::text[],
                ${authors.map((a) => a.iri)}::text[], ${authors.map((a) => a.name)}::text[]) AS a(id, label, iri, name)
    ON CONFLICT ("externalIri") DO NOTHING`;
  return tx.user
    .findMany({
      where: { externalIri: { in: authors.map((a) => a.iri) } },
      select: { id: true, externalIri: true, name: true },
    })
    .then((rows) => rows.map((row) => ({ id: row.id, iri: row.externalIri as string, name: row.name })));
}
