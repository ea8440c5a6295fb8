import { CalendarInputError, PausableDeadline, WorkingDayCalendar, type DeadlineResult } from '../index';

const calendar = new WorkingDayCalendar();

function fixed(result: ReturnType<WorkingDayCalendar['deadlineWithPauses']>): DeadlineResult {
  if (result.dueDate === null) throw new Error('expected a due date');
  return result;
}

describe('deadlineWithPauses: working days in [pause.from, pause.to) do not count', () => {
  const plain = calendar.addWorkingDays('2024-11-01', 20);

  it('moves the due date by exactly the paused working days (Mon 11-11 to Thu 11-14 = 3 days)', () => {
    const result = fixed(calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11', to: '2024-11-14' }]));
    expect(result.paused).toMatchObject({ pausedWorkingDays: 3, countedWorkingDays: 20, open: false });
    expect(result.dueDate).toBe(calendar.addWorkingDays(plain.dueDate, 3).dueDate);
    expect(result.skipped.filter((d) => d.reason === 'PAUSED').map((d) => d.date)).toEqual(['2024-11-11', '2024-11-12', '2024-11-13']);
    expect(result.explanation).toContain('2024-11-11至2024-11-13暂停计时（不计3个工作日），共暂停3个工作日，期限相应顺延');
  });

  it('counts the resume day; pausing and resuming on the same day costs nothing', () => {
    expect(fixed(calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11', to: '2024-11-11' }])).dueDate).toBe(plain.dueDate);
    const oneDay = fixed(calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11', to: '2024-11-12' }]));
    expect(oneDay.paused?.pausedWorkingDays).toBe(1);
  });

  it('a pause over a weekend or a holiday only costs the working days inside it', () => {
    const weekend = fixed(calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-09', to: '2024-11-11' }]));
    expect(weekend.dueDate).toBe(plain.dueDate);
    const nationalDay = fixed(calendar.deadlineWithPauses('2024-09-27', 5, [{ from: '2024-09-29', to: '2024-10-09' }]));
    expect(nationalDay.paused?.pausedWorkingDays).toBe(3); // 09-29 (调休), 09-30, 10-08
    // counting restarts 10-09: 10-09, 10-10, 10-11, 10-12 (Saturday, 国庆节 make-up day), 10-14
    expect(nationalDay.dueDate).toBe('2024-10-14');
    expect(nationalDay.makeupWorkdays).toEqual(['2024-10-12']);
  });

  it('adds up several pauses, counts overlaps once, and ignores pauses after the due date', () => {
    const pauses = [{ from: '2024-11-22', to: '2024-11-26' }, { from: '2024-11-11', to: '2024-11-14' }, { from: '2024-11-12', to: '2024-11-13' }];
    const result = fixed(calendar.deadlineWithPauses('2024-11-01', 20, pauses));
    expect(result.paused?.pausedWorkingDays).toBe(5);
    expect(result.paused?.pauses[0].from).toBe('2024-11-11');
    expect(result.dueDate).toBe(calendar.addWorkingDays(plain.dueDate, 5).dueDate);
    expect(fixed(calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2025-03-01' }])).dueDate).toBe(plain.dueDate);
  });

  it('with no pauses equals addWorkingDays', () => {
    expect(fixed(calendar.deadlineWithPauses('2024-09-27', 5, [])).dueDate).toBe('2024-10-10');
  });

  it('has no due date while a pause is open, and tells how many working days were used', () => {
    const open = calendar.deadlineWithPauses('2024-11-01', 20, [{ from: '2024-11-11' }]);
    expect(open.dueDate).toBeNull();
    expect(open.dueAt).toBeNull();
    expect(open.paused).toMatchObject({ open: true, openSince: '2024-11-11', countedWorkingDays: 5 });
    expect(open.explanation).toContain('已计5个工作日、尚余15个工作日；自2024-11-11起暂停计时');
    expect(open.explanation).toContain('暂无截止日期');
  });
});

describe('PausableDeadline', () => {
  const start = PausableDeadline.start('2024-11-01', 20);

  it('pause then resume shifts the due date by the paused working days; the original is unchanged', () => {
    const paused = start.pause('2024-11-11');
    expect(paused.isPaused).toBe(true);
    expect(paused.due(calendar).dueDate).toBeNull();
    const resumed = paused.resume('2024-11-14');
    expect(resumed.due(calendar).dueDate).toBe(calendar.addWorkingDays(start.due(calendar).dueDate as string, 3).dueDate);
    expect(start.pauses).toEqual([]);
    expect(resumed.toJSON()).toEqual({ from: '2024-11-01', workingDays: 20, pauses: [{ from: '2024-11-11', to: '2024-11-14' }] });
  });

  it('round-trips through its plain state', () => {
    const clock = start.pause('2024-11-11').resume('2024-11-14').pause('2024-11-22');
    const restored = PausableDeadline.restore(JSON.parse(JSON.stringify(clock)));
    expect(restored.toJSON()).toEqual(clock.toJSON());
    expect(restored.isPaused).toBe(true);
  });

  it.each([
    ['pausing twice', () => start.pause('2024-11-11').pause('2024-11-12')],
    ['resuming a running clock', () => start.resume('2024-11-12')],
    ['pausing before the triggering day', () => start.pause('2024-10-31')],
    ['resuming before the pause', () => start.pause('2024-11-11').resume('2024-11-10')],
    ['pausing before the last resume', () => start.pause('2024-11-11').resume('2024-11-14').pause('2024-11-13')],
  ])('rejects %s with CALENDAR.INVALID_PAUSE', (_, act) => {
    expect(act).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_PAUSE' }));
    expect(act).toThrow(CalendarInputError);
  });
});
