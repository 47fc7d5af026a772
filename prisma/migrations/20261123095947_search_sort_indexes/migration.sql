-- CreateIndex
CREATE INDEX "Claim_disagreement_id_idx" ON "Claim"("disagreement", "id");

-- CreateIndex
CREATE INDEX "Claim_tagCount_id_facets_idx" ON "Claim"("tagCount", "id", "threadId", "axisOuter", "axisInner", "axisBoth", "axisOther", "cruxCount", "storyCount", "confMean", "disagreement");

-- CreateIndex
CREATE INDEX "Claim_createdAt_id_idx" ON "Claim"("createdAt", "id");
