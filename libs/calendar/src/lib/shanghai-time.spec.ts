import { endOfShanghaiDay, endOfShanghaiDayIso, isValidIsoDate, startOfShanghaiDay, toShanghaiDate, addDays, dayOfWeek } from '../index';

describe('Asia/Shanghai dates', () => {
  it('maps an instant to its Beijing calendar date', () => {
    expect(toShanghaiDate('2024-09-30T16:30:00Z')).toBe('2024-10-01');
    expect(toShanghaiDate('2024-09-30T15:59:59.999Z')).toBe('2024-09-30');
    expect(toShanghaiDate('2024-10-01T00:30:00+08:00')).toBe('2024-10-01');
    expect(toShanghaiDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(toShanghaiDate('2024-10-01')).toBe('2024-10-01');
  });

  it('rejects instants whose meaning would depend on the server time zone', () => {
    expect(() => toShanghaiDate('2024-09-30T16:30:00')).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_INSTANT' }));
    expect(() => toShanghaiDate('Mon Sep 30 2024')).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_INSTANT' }));
    expect(() => toShanghaiDate(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_INSTANT' }));
  });

  it('gives the start and end of a Beijing day', () => {
    expect(startOfShanghaiDay('2024-10-10').toISOString()).toBe('2024-10-09T16:00:00.000Z');
    expect(endOfShanghaiDay('2024-10-10').toISOString()).toBe('2024-10-10T15:59:59.999Z');
    expect(endOfShanghaiDayIso('2024-10-10')).toBe('2024-10-10T23:59:59.999+08:00');
    expect(toShanghaiDate(endOfShanghaiDay('2024-10-10'))).toBe('2024-10-10');
  });

  it('validates ISO dates strictly', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-05', '2024-01-05T00:00:00Z', '', 20240105, null]) {
      expect(isValidIsoDate(bad)).toBe(false);
    }
  });

  it('does date arithmetic without the host time zone, across years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(dayOfWeek('2024-09-29')).toBe(0);
    for (let day = '1999-12-25', i = 0; i < 20000; i += 1, day = addDays(day, 1)) {
      const viaDate = new Date(Date.UTC(1999, 11, 25 + i)).toISOString().slice(0, 10);
      if (day !== viaDate) throw new Error(`${day} !== ${viaDate}`);
    }
  });
});
