import { describe, expect, it } from 'vitest';
import { parseNotification } from '@/lib/server/events/publish';

const THREAD = '0192f7a4-0000-7000-8000-000000000001';

describe('parseNotification', () => {
  it('reads an event carried whole, colons in its payload included', () => {
    const payload = { note: 'a: b :: c', n: 1 };
    expect(parseNotification(`${THREAD}:42:tag:${JSON.stringify(payload)}`)).toEqual({
      threadId: THREAD,
      seq: 42,
      event: { seq: 42, type: 'tag', payload },
    });
  });

  it('reads an announcement by number only (an event too large to carry)', () => {
    expect(parseNotification(`${THREAD}:7`)).toEqual({ threadId: THREAD, seq: 7, event: null });
  });

  it('falls back to the number when the payload does not parse, and ignores what is not a notification', () => {
    expect(parseNotification(`${THREAD}:8:tag:{broken`)).toEqual({ threadId: THREAD, seq: 8, event: null });
    expect(parseNotification('')).toBeNull();
    expect(parseNotification(`${THREAD}:x`)).toBeNull();
    expect(parseNotification(`${THREAD}:0`)).toBeNull();
    expect(parseNotification(':5')).toBeNull();
  });
});
