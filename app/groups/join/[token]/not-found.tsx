import { headers } from 'next/headers';
import Link from 'next/link';
import { INVITE_PROBLEMS, inviteState } from '@/lib/server/groups/groups';
import { PATH_HEADER } from '@/lib/url/path-header';

const HEADINGS = {
  unknown: 'This invite link does not exist',
  revoked: 'This invite link was revoked',
  expired: 'This invite link has expired',
} as const;

/** The answer to an invite link that opens no group, given on opening it (404), saying why. */
export default async function InvalidInvite() {
  const path = (await headers()).get(PATH_HEADER) ?? '';
  const token = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  const { state } = await inviteState(token);
  const known = state === 'open' ? null : state;
  return (
    <div className="max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">{known ? HEADINGS[known] : 'This invite link is not valid'}</h1>
      <p>
        {known
          ? INVITE_PROBLEMS[known]
          : 'It does not exist, was revoked or has expired; ask the group’s owner for a new one.'}
      </p>
      <p>
        <Link href="/groups" className="text-link underline">
          Your groups
        </Link>
      </p>
    </div>
  );
}
