-- AlterTable
ALTER TABLE "Occurrence" ADD COLUMN     "edits" JSONB;
