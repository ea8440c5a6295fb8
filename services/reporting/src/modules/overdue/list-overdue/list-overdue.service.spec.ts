import { daysBetween } from './list-overdue.service';

describe('days overdue', () => {
  it('counts calendar days from the due date to today', () => {
    expect(daysBetween('2026-10-16', '2026-11-22')).toBe(37);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
