import { z } from 'zod';
import { timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('is a version 7 UUID carrying the time it was made', () => {
    const id = timeOrderedId(Date.UTC(2026, 11, 1, 8, 0, 0));
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 11, 1, 8, 0, 0));
  });

  it('sorts in the order the ids were made, within one millisecond and when the clock steps back', () => {
    const now = Date.UTC(2027, 0, 1);
    const ids = [
      ...Array.from({ length: 5_000 }, () => timeOrderedId(now)),
      ...Array.from({ length: 10 }, () => timeOrderedId(now - 1_000)),
      timeOrderedId(now + 60_000),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
