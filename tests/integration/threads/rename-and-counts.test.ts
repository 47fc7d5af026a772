import { describe, expect, it } from 'vitest';
import { insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

const upload = (user: { id: string; name: string }, text: string, title?: string) =>
  call('/api/threads', { method: 'POST', user, body: { format: 'markdown', text, ...(title ? { title } : {}) } });

describe('renaming a thread', () => {
  it('lets the uploader rename it, nobody else, and the list shows the new title', async () => {
    const [owner, other] = await Promise.all([insertUser({ name: 'Owner' }), insertUser({ name: 'Other' })]);
    const created = await upload(owner, '# Risks from learned optimization\n\nMesa-optimizers may arise.\n');
    expect(created.status).toBe(201);
    const { slug, title } = created.json.thread as { slug: string; title: string };
    expect(title).toBe('Risks from learned optimization');

    const route = '/api/threads/{slug}';
    const refused = await call(route, { method: 'PATCH', params: { slug }, user: other, body: { title: 'Mine now' } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    expect((await call(route, { method: 'PATCH', params: { slug }, body: { title: 'Anon' } })).status).toBe(401);
    const empty = await call(route, { method: 'PATCH', params: { slug }, user: owner, body: { title: '   ' } });
    expect(empty.status).toBe(400);

    const renamed = await call(route, {
      method: 'PATCH',
      params: { slug },
      user: owner,
      body: { title: '  Mesa-optimizers  ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.thread).toEqual({ slug, title: 'Mesa-optimizers' });
    const list = await call('/api/threads');
    expect(list.json.threads.find((t: { slug: string }) => t.slug === slug).title).toBe('Mesa-optimizers');
    expect(
      (await call(route, { method: 'PATCH', params: { slug: 'no-such' }, user: owner, body: { title: 'x' } })).status,
    ).toBe(404);
  });
});

describe('the thread list counts taggers and disputed claims', () => {
  it('counts each reader once and each claim whose taggers split', async () => {
    const [ann, bo, cy] = await Promise.all(['Ann', 'Bo', 'Cy'].map((name) => insertUser({ name })));
    const created = await upload(
      ann,
      'Deception is likely.\n\nOversight scales.\n\nInterpretability helps.\n',
      'Counted',
    );
    const { slug } = created.json.thread as { slug: string };
    const model = (await call('/api/threads/{slug}', { params: { slug } })).json as {
      passages: { id: string; text: string }[];
    };
    const [deception, oversight, interpretability] = model.passages;
    await tagPassage(slug, deception, ann, { axis: 'inner', confidence: 5 });
    await tagPassage(slug, deception, bo, { axis: 'inner', confidence: 95 });
    await tagPassage(slug, oversight, bo, { axis: 'outer', confidence: 60 });
    await tagPassage(slug, oversight, cy, { axis: 'outer', confidence: 65 });
    await tagPassage(slug, interpretability, cy, { axis: 'other', confidence: 0 });
    const row = (await call('/api/threads')).json.threads.find((t: { slug: string }) => t.slug === slug);
    expect(row).toMatchObject({ claims: 3, taggers: 3, disputed: 1 });
  });
});

describe('the thread list names the first post’s author and date when the source does', () => {
  it('reads them from LessWrong JSON, and leaves them out for plain text', async () => {
    const uploader = await insertUser({ name: 'Uploader' });
    const post = {
      _id: 'p1',
      title: 'Reward is not the optimization target',
      postedAt: '2022-07-25T00:00:00Z',
      contents: { markdown: 'Reward chisels cognition into the agent.' },
      user: { displayName: 'TurnTrout' },
    };
    const text = JSON.stringify({ data: { post: { result: post }, comments: { results: [] } } });
    const created = await call('/api/threads', {
      method: 'POST',
      user: uploader,
      body: { format: 'lesswrong-json', text },
    });
    expect(created.status, created.text).toBe(201);
    const plain = await upload(uploader, 'Nobody signed this text. Just words.\n');
    const rows = (await call('/api/threads')).json.threads as {
      slug: string;
      title: string;
      author: string | null;
      postedAt: string | null;
    }[];
    const lesswrong = rows.find((t) => t.slug === created.json.thread.slug);
    expect(lesswrong).toMatchObject({ title: 'Reward is not the optimization target', author: 'TurnTrout' });
    expect(lesswrong?.postedAt?.slice(0, 10)).toBe('2022-07-25');
    expect(rows.find((t) => t.slug === plain.json.thread.slug)).toMatchObject({
      author: null,
      postedAt: null,
      title: 'Nobody signed this text.',
    });
  });
});
