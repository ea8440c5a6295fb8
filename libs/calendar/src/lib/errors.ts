/** Input validation for the calendar: every rejected input throws a CalendarInputError with a stable code. */

export type CalendarErrorCode =
  | 'CALENDAR.INVALID_DATE'
  | 'CALENDAR.INVALID_INSTANT'
  | 'CALENDAR.INVALID_WORKING_DAYS'
  | 'CALENDAR.INVALID_OVERRIDE'
  | 'CALENDAR.INVALID_PAUSE'
  | 'CALENDAR.OUT_OF_RANGE';

/** Chinese names of the parameters, for messages an official (or a support engineer) can read. */
const FIELD_LABELS: Record<string, string> = {
  from: '起算日期',
  to: '截止日期',
  date: '日期',
  instant: '时间',
  workingDays: '工作日数',
  'override.date': '调整日期',
  'override.kind': '调整类型',
  'pause.from': '暂停日期',
  'pause.to': '恢复日期',
};

export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';

  constructor(
    readonly code: CalendarErrorCode,
    /** The offending parameter, e.g. `from` or `pause.to`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }

  /** `参数 from（起算日期）无效：<problem>，收到 "<value>"`. */
  static of(code: CalendarErrorCode, field: string, problem: string, received: unknown): CalendarInputError {
    const label = FIELD_LABELS[field] ? `${field}（${FIELD_LABELS[field]}）` : field;
    return new CalendarInputError(code, field, `参数 ${label} 无效：${problem}，收到 ${describe(received)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}
