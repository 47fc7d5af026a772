/** A reply as the API answers it. */
export interface ReplyView {
  id: string;
  claimId: string;
  authorId: string;
  authorName: string;
  parentId: string | null;
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
}
