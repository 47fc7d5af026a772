'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { apiCall } from './api-call';

export interface ManagedGroup {
  id: string;
  name: string;
  description: string;
  role: 'owner' | 'member';
  members: { id: string; name: string; role: 'owner' | 'member' }[];
  invites: { token: string; url: string; expiresAt: string }[];
}

const BUTTON = 'min-h-6 rounded border border-line-strong px-2 py-1 text-sm hover:bg-page';
const INPUT = 'rounded border border-line-strong bg-surface px-2 py-1';

/** Creates groups and, per group, the owner's and members' actions; every change reloads the server-rendered list. */
export function GroupsManager({ groups, me }: { groups: ManagedGroup[]; me: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const act = async (what: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await what();
      setStatus(done);
      router.refresh();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    void act(async () => {
      await apiCall('/api/groups', 'POST', { name: form.get('name'), description: form.get('description') ?? '' });
      target.reset();
    }, 'Group created.');
  };
  return (
    <div className="space-y-6">
      <form onSubmit={create} className="space-y-2 rounded border border-line bg-surface p-3 text-sm">
        <h2 className="font-serif text-xl font-semibold">New group</h2>
        <label className="block">
          Name <input name="name" required maxLength={80} className={INPUT} />
        </label>
        <label className="block">
          Description <input name="description" maxLength={2000} className={`${INPUT} w-full max-w-md`} />
        </label>
        <button type="submit" className={BUTTON}>
          Create group
        </button>
      </form>
      <p role="status" className="text-sm text-muted">
        {status}
      </p>
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
      {groups.length === 0 && <p className="text-muted">You are in no group yet.</p>}
      {groups.map((group) => (
        <section
          key={group.id}
          aria-labelledby={`group-${group.id}`}
          className="space-y-3 rounded border border-line p-3"
        >
          <h2 id={`group-${group.id}`} className="font-serif text-xl font-semibold">
            {group.name} <span className="text-sm font-normal text-muted">({group.role})</span>
          </h2>
          {group.description && <p className="text-sm">{group.description}</p>}
          <h3 className="font-semibold">Members ({group.members.length})</h3>
          <ul className="space-y-1 text-sm">
            {group.members.map((m) => (
              <li key={m.id} className="flex items-center gap-2">
                {m.name} {m.role === 'owner' && <span className="text-muted">owner</span>}
                {group.role === 'owner' && m.id !== me && (
                  <>
                    <button
                      type="button"
                      className={BUTTON}
                      onClick={() =>
                        act(() => apiCall(`/api/groups/${group.id}/members/${m.id}`, 'DELETE'), `${m.name} removed.`)
                      }
                    >
                      Remove {m.name}
                    </button>
                    <button
                      type="button"
                      className={BUTTON}
                      onClick={() =>
                        act(
                          () => apiCall(`/api/groups/${group.id}`, 'PATCH', { ownerId: m.id }),
                          `Handed over to ${m.name}.`,
                        )
                      }
                    >
                      Make {m.name} owner
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          {group.role === 'owner' ? (
            <OwnerTools group={group} act={act} />
          ) : (
            <button
              type="button"
              className={BUTTON}
              onClick={() =>
                act(() => apiCall(`/api/groups/${group.id}/members/${me}`, 'DELETE'), `You left ${group.name}.`)
              }
            >
              Leave {group.name}
            </button>
          )}
        </section>
      ))}
    </div>
  );
}

type Act = (what: () => Promise<unknown>, done: string) => Promise<void>;

function OwnerTools({ group, act }: { group: ManagedGroup; act: Act }) {
  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void act(
      () =>
        apiCall(`/api/groups/${group.id}`, 'PATCH', { name: form.get('name'), description: form.get('description') }),
      'Group saved.',
    );
  };
  return (
    <div className="space-y-3 text-sm">
      <h3 className="font-semibold">Invite links</h3>
      <ul className="space-y-2">
        {group.invites.map((invite) => (
          <li key={invite.token} className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              value={invite.url}
              aria-label={`Invite link, valid until ${new Date(invite.expiresAt).toUTCString()}`}
              className={`${INPUT} w-full max-w-md font-mono text-xs`}
            />
            <button
              type="button"
              className={BUTTON}
              onClick={() => act(() => navigator.clipboard.writeText(invite.url), 'Invite link copied.')}
            >
              Copy link
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() =>
                act(() => apiCall(`/api/groups/${group.id}/invites/${invite.token}`, 'DELETE'), 'Invite link revoked.')
              }
            >
              Revoke
            </button>
            <span className="text-muted">until {new Date(invite.expiresAt).toUTCString()}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={BUTTON}
        onClick={() => act(() => apiCall(`/api/groups/${group.id}/invites`, 'POST', {}), 'New invite link made.')}
      >
        New invite link
      </button>
      <form onSubmit={rename} className="flex flex-wrap items-end gap-2">
        <label>
          Name <input name="name" defaultValue={group.name} required maxLength={80} className={INPUT} />
        </label>
        <label>
          Description <input name="description" defaultValue={group.description} maxLength={2000} className={INPUT} />
        </label>
        <button type="submit" className={BUTTON}>
          Save
        </button>
      </form>
      <button
        type="button"
        className={`${BUTTON} text-danger`}
        onClick={() => {
          if (window.confirm(`Delete ${group.name}? Its layer disappears for every member.`))
            void act(() => apiCall(`/api/groups/${group.id}`, 'DELETE'), `${group.name} deleted.`);
        }}
      >
        Delete group
      </button>
    </div>
  );
}
