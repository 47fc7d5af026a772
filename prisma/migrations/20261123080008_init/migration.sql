-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- Trigram similarity for typo-tolerant search (not modelled by Prisma, kept by hand).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Axis" AS ENUM ('outer', 'inner', 'both', 'other');

-- CreateEnum
CREATE TYPE "OccurrenceKind" AS ENUM ('original', 'exact', 'partial', 'elided', 'blank');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdById" UUID,
    "currentRevisionId" UUID,
    "eventSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadRevision" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sourceName" TEXT,
    "byteLength" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "passageCount" INTEGER NOT NULL,
    "repeatCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Passage" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "sentences" JSONB NOT NULL,
    "author" TEXT,
    "postedAt" TIMESTAMP(3),
    "commentId" TEXT,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Occurrence" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "kind" "OccurrenceKind" NOT NULL,
    "text" TEXT NOT NULL,
    "rawBefore" TEXT NOT NULL DEFAULT '',
    "rawAfter" TEXT NOT NULL DEFAULT '',
    "rawText" TEXT,
    "passageId" UUID,
    "sourcePassageId" UUID,
    "spans" JSONB,
    "replyToPassageId" UUID,

    CONSTRAINT "Occurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepeatBlock" (
    "id" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "fromPosition" INTEGER NOT NULL,
    "toPosition" INTEGER NOT NULL,
    "fromLine" INTEGER NOT NULL,
    "toLine" INTEGER NOT NULL,
    "sourceFromLine" INTEGER NOT NULL,
    "sourceToLine" INTEGER NOT NULL,

    CONSTRAINT "RepeatBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "passageId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "orphan" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "tagCount" INTEGER NOT NULL DEFAULT 0,
    "confCount" INTEGER NOT NULL DEFAULT 0,
    "confMean" DOUBLE PRECISION,
    "disagreement" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cruxScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "consensusScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cruxCount" INTEGER NOT NULL DEFAULT 0,
    "storyCount" INTEGER NOT NULL DEFAULT 0,
    "axisOuter" INTEGER NOT NULL DEFAULT 0,
    "axisInner" INTEGER NOT NULL DEFAULT 0,
    "axisBoth" INTEGER NOT NULL DEFAULT 0,
    "axisOther" INTEGER NOT NULL DEFAULT 0,
    "notesText" TEXT NOT NULL DEFAULT '',
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastTaggedAt" TIMESTAMP(3),
    -- Full-text vector over the claim text (weight A) and the notes of its tags (B), kept by Postgres.
    "searchVector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', "exact"), 'A') || setweight(to_tsvector('english', "notesText"), 'B')
    ) STORED,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "axis" "Axis" NOT NULL,
    "confidence" INTEGER,
    "concreteStoryNeeded" BOOLEAN NOT NULL DEFAULT false,
    "crux" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "noteHtml" TEXT NOT NULL DEFAULT '',
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TagRevision" (
    "id" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "axis" "Axis" NOT NULL,
    "confidence" INTEGER,
    "concreteStoryNeeded" BOOLEAN NOT NULL,
    "crux" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "labels" TEXT[],
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "byUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadEvent" (
    "id" BIGSERIAL NOT NULL,
    "threadId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThreadEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_slug_key" ON "Thread"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Thread_currentRevisionId_key" ON "Thread"("currentRevisionId");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadRevision_contentHash_key" ON "ThreadRevision"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadRevision_threadId_number_key" ON "ThreadRevision"("threadId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Passage_revisionId_ordinal_key" ON "Passage"("revisionId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Occurrence_revisionId_position_key" ON "Occurrence"("revisionId", "position");

-- CreateIndex
CREATE INDEX "RepeatBlock_revisionId_idx" ON "RepeatBlock"("revisionId");

-- CreateIndex
CREATE INDEX "Claim_threadId_idx" ON "Claim"("threadId");

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_labels_idx" ON "Claim" USING GIN ("labels");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_passageId_start_end_key" ON "Claim"("passageId", "start", "end");

-- CreateIndex
CREATE INDEX "Tag_userId_idx" ON "Tag"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_claimId_userId_key" ON "Tag"("claimId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TagRevision_tagId_version_key" ON "TagRevision"("tagId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadEvent_threadId_seq_key" ON "ThreadEvent"("threadId", "seq");

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_name_key" ON "SavedSearch"("userId", "name");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "ThreadRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadRevision" ADD CONSTRAINT "ThreadRevision_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ThreadRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Occurrence" ADD CONSTRAINT "Occurrence_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ThreadRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepeatBlock" ADD CONSTRAINT "RepeatBlock_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ThreadRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_passageId_fkey" FOREIGN KEY ("passageId") REFERENCES "Passage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TagRevision" ADD CONSTRAINT "TagRevision_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TagRevision" ADD CONSTRAINT "TagRevision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadEvent" ADD CONSTRAINT "ThreadEvent_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The search dictionary follows claim texts and notes: every unstemmed, lower-cased word goes in
-- (never out: a word once seen stays a valid correction). Kept by hand; Prisma does not model triggers.
CREATE FUNCTION crux_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" ("word")
  SELECT DISTINCT lexeme FROM unnest(tsvector_to_array(to_tsvector('simple', NEW."exact" || ' ' || NEW."notesText"))) AS lexeme
  WHERE length(lexeme) BETWEEN 3 AND 40
  -- A fixed order, so two writers inserting the same new words never wait on each other in a cycle.
  ORDER BY lexeme
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Claim_search_words_on_insert"
AFTER INSERT ON "Claim"
FOR EACH ROW EXECUTE FUNCTION crux_collect_search_words();

CREATE TRIGGER "Claim_search_words_on_update"
AFTER UPDATE OF "exact", "notesText" ON "Claim"
FOR EACH ROW WHEN (OLD."exact" IS DISTINCT FROM NEW."exact" OR OLD."notesText" IS DISTINCT FROM NEW."notesText")
EXECUTE FUNCTION crux_collect_search_words();
