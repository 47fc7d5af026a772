import { db } from '../db/client';

/** Finds or creates the user behind an OAuth identity (GitHub, Google), linking it by email. */
export async function userForOAuth(
  provider: string,
  providerAccountId: string,
  profile: { email?: string | null; name?: string | null; image?: string | null },
): Promise<{ id: string; name: string; role: string }> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, name: true, role: true } } },
  });
  if (linked) return linked.user;
  const email = profile.email?.toLowerCase() ?? `${provider}-${providerAccountId}@users.noreply.crux`;
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: profile.name ?? email.split('@')[0], image: profile.image ?? null },
    select: { id: true, name: true, role: true },
  });
  await db.account.create({ data: { userId: user.id, provider, providerAccountId } });
  return user;
}
