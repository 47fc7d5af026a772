-- AlterTable
ALTER TABLE "User" ADD COLUMN     "inboxSeenAt" TIMESTAMP(3);
