/** The Chinese explanation of a deadline, for the official who has to act on it. */
import { toEpochDay, weekdayName, type LocalDate } from './dates';
import type { MakeupDay, PauseSummary, SkippedDay } from './types';

export interface ExplainInput {
  from: LocalDate;
  workingDays: number;
  /** null while an open pause stops the clock. */
  dueDate: LocalDate | null;
  skipped: readonly SkippedDay[];
  makeupDetails: readonly MakeupDay[];
  outsideData: boolean;
  coveredYears: readonly number[];
  paused?: PauseSummary;
}

/** Groups consecutive dates with the same label: `2024-10-01至2024-10-07（国庆节）`. */
function formatRuns(days: readonly SkippedDay[], label: (day: SkippedDay) => string): string {
  const runs: { first: string; last: string; label: string }[] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const adjacent = run !== undefined && toEpochDay(day.date) - toEpochDay(run.last) === 1;
    if (adjacent && run.label === label(day)) run.last = day.date;
    else runs.push({ first: day.date, last: day.date, label: label(day) });
  }
  return runs.map(formatRun).join('、');
}

/** A single day shows its weekday: `2024-09-28（周六）`, `2025-01-01（周三，元旦）`. */
function formatRun(run: { first: string; last: string; label: string }): string {
  if (run.first !== run.last) return `${run.first}至${run.last}${run.label ? `（${run.label}）` : ''}`;
  return `${run.first}（${weekdayName(run.first)}${run.label ? `，${run.label}` : ''}）`;
}

function skippedParts(skipped: readonly SkippedDay[]): string[] {
  const of = (reason: SkippedDay['reason']) => skipped.filter((d) => d.reason === reason);
  const parts: string[] = [];
  const holidays = of('HOLIDAY');
  if (holidays.length) parts.push(`法定节假日不计：${formatRuns(holidays, (d) => d.name ?? '')}`);
  const weekends = of('WEEKEND');
  if (weekends.length) parts.push(`周末不计：${formatRuns(weekends, () => '')}`);
  const local = of('OVERRIDE_HOLIDAY');
  if (local.length) parts.push(`经本地调整为休息日不计：${formatRuns(local, (d) => d.name ?? '')}`);
  return parts;
}

function makeupPart(days: readonly MakeupDay[]): string[] {
  if (!days.length) return [];
  const items = days.map((d) => {
    const day = `${d.date}（${weekdayName(d.date)}）`;
    if (d.reason === 'MAKEUP_WORKDAY') return `${day}为${d.name ?? ''}调休上班日`;
    return `${day}经本地调整为工作日${d.name ? `（${d.name}）` : ''}`;
  });
  return [`其间${items.join('、')}，计入`];
}

/** `2024-11-11至2024-11-13暂停计时（不计3个工作日）` for each pause that cost working days. */
function pausePart(summary: PauseSummary | undefined, skipped: readonly SkippedDay[]): string[] {
  if (!summary || summary.pausedWorkingDays === 0) return [];
  const paused = skipped.filter((d) => d.reason === 'PAUSED').map((d) => d.date);
  const items = summary.pauses.flatMap((p) => {
    const inside = paused.filter((date) => date >= p.from && (p.to === undefined || date < p.to));
    return inside.length ? [`${p.from}至${inside[inside.length - 1]}暂停计时（不计${inside.length}个工作日）`] : [];
  });
  return [`${items.join('、')}，共暂停${summary.pausedWorkingDays}个工作日，期限相应顺延`];
}

function headline(input: ExplainInput): string {
  const start = `自${input.from}起算${input.workingDays}个工作日（起算日当天不计）`;
  if (input.dueDate !== null) return `${start}，截止${input.dueDate} 23:59:59（北京时间）`;
  const counted = input.paused?.countedWorkingDays ?? 0;
  const since = input.paused?.openSince ?? '';
  return `${start}，已计${counted}个工作日、尚余${input.workingDays - counted}个工作日；自${since}起暂停计时，暂停期间不计时，暂无截止日期，恢复计时后重新计算截止日期`;
}

function outsideDataPart(input: ExplainInput): string[] {
  if (!input.outsideData) return [];
  const years = input.coveredYears;
  const range = years.length ? `（${years[0]}年至${years[years.length - 1]}年）` : '';
  return [`注意：部分日期超出内置节假日安排${range}，已按周一至周五为工作日推算，请核对当年国务院放假安排`];
}

/**
 * `自2024-09-27起算5个工作日（起算日当天不计），截止2024-10-10 23:59:59（北京时间）；其间2024-09-29（周日）为
 * 国庆节调休上班日，计入；法定节假日不计：2024-10-01至2024-10-07（国庆节）；周末不计：2024-09-28（周六）。`
 */
export function explainDeadline(input: ExplainInput): string {
  const parts = [
    headline(input),
    ...makeupPart(input.makeupDetails),
    ...skippedParts(input.skipped),
    ...pausePart(input.paused, input.skipped),
    ...outsideDataPart(input),
  ];
  return `${parts.join('；')}。`;
}
