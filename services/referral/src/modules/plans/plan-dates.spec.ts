import { HttpStatus } from '@nestjs/common';
import { agreedOnRefusal, PlanDateException, PLAN_DATE_CODES } from './plan-dates';

describe('the date a plan was agreed on', () => {
  it('accepts today, the inclusion day and any day between them', () => {
    expect(agreedOnRefusal('2026-12-01', '2026-12-01', '2026-11-20')).toBeUndefined();
    expect(agreedOnRefusal('2026-11-20', '2026-12-01', '2026-11-20')).toBeUndefined();
    expect(agreedOnRefusal('2026-11-25', '2026-12-01', '2026-11-20')).toBeUndefined();
  });

  it('refuses a day after today, naming agreedOn in Chinese', () => {
    expect(agreedOnRefusal('2026-12-02', '2026-12-01', '2026-11-20')).toEqual({
      field: 'agreedOn',
      code: PLAN_DATE_CODES.inFuture,
      message: expect.stringMatching(/agreedOn.*晚于今天2026-12-01/),
    });
  });

  it('refuses a day before the inclusion, and checks only the future when the inclusion day is unknown', () => {
    expect(agreedOnRefusal('2026-11-19', '2026-12-01', '2026-11-20')).toEqual({
      field: 'agreedOn',
      code: PLAN_DATE_CODES.beforeInclusion,
      message: expect.stringMatching(/早于该户纳入监测日期2026-11-20/),
    });
    expect(agreedOnRefusal('2020-01-01', '2026-12-01', null)).toBeUndefined();
    expect(agreedOnRefusal('2026-12-31', '2026-12-01', null)?.code).toBe(PLAN_DATE_CODES.inFuture);
  });

  it('answers 400 with the stable code at the top and on the field', () => {
    const refusal = agreedOnRefusal('2026-11-19', '2026-12-01', '2026-11-20');
    const error = new PlanDateException(refusal ?? { field: '', code: '', message: '' });
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.getResponse()).toEqual({
      code: PLAN_DATE_CODES.beforeInclusion,
      message: refusal?.message,
      errors: [refusal],
    });
  });
});
