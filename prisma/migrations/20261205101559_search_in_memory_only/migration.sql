-- Search is answered by each app instance's in-memory index (docs/decisions/012): Postgres keeps
-- no search structures. Kept by hand, as in the init migration: Prisma does not model triggers.
DROP TRIGGER "Claim_search_words_on_insert" ON "Claim";
DROP TRIGGER "Claim_search_words_on_update" ON "Claim";
DROP FUNCTION crux_collect_search_words();

-- DropIndex
DROP INDEX "Claim_createdAt_id_idx";

-- DropIndex
DROP INDEX "Claim_disagreement_id_idx";

-- DropIndex
DROP INDEX "Claim_labels_idx";

-- DropIndex
DROP INDEX "Claim_searchVector_idx";

-- DropIndex
DROP INDEX "Claim_tagCount_id_facets_idx";

-- AlterTable
ALTER TABLE "Claim" DROP COLUMN "searchVector";

-- DropTable
DROP TABLE "SearchWord";
