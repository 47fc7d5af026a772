-- DropIndex
DROP INDEX "Occurrence_revisionId_position_key";

-- AlterTable
ALTER TABLE "Occurrence" DROP CONSTRAINT "Occurrence_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "Occurrence_pkey" PRIMARY KEY ("revisionId", "position");

-- AlterTable
ALTER TABLE "Passage" ADD COLUMN     "parentCommentId" TEXT;
