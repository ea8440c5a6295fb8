import { quarterOf, todayInShanghai } from './dates';

describe('dates', () => {
  it.each([
    ['2026-01-01', '2026Q1'],
    ['2026-03-31', '2026Q1'],
    ['2026-04-01', '2026Q2'],
    ['2026-12-31', '2026Q4'],
  ])('puts %s in %s', (date, quarter) => expect(quarterOf(date)).toBe(quarter));

  it('takes today in Asia/Shanghai, not UTC', () => {
    expect(todayInShanghai(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
