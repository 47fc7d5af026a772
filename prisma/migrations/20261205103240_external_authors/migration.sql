-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "canonicalIri" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "externalIri" TEXT,
ADD COLUMN     "externalName" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Tag_canonicalIri_key" ON "Tag"("canonicalIri");

-- CreateIndex
CREATE UNIQUE INDEX "User_externalIri_key" ON "User"("externalIri");

-- Readers made by earlier imports (no password, an address under users.invalid, no OAuth identity)
-- become external authors: they could never sign in, and now they can never be given an email.
UPDATE "User" u SET "externalIri" = 'urn:uuid:' || u."id", "email" = NULL
WHERE u."email" LIKE 'imported-%@users.invalid' AND u."passwordHash" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u."id");

-- A user is either a local account (an email) or an external author (an IRI, no email, no
-- password): never both, never neither.
ALTER TABLE "User" ADD CONSTRAINT "User_local_or_external_check"
  CHECK (("externalIri" IS NULL) = ("email" IS NOT NULL) AND ("externalIri" IS NULL OR "passwordHash" IS NULL));
