import { weekdayName } from './dates';
import type { SkippedDay } from './types';

const REASON_TEXT: Record<string, string> = {
  WEEKEND: '周末',
  HOLIDAY: '法定节假日',
  OVERRIDE_HOLIDAY: '本地更正为休息日',
  PAUSED: '暂停计时',
};

interface Run {
  first: string;
  last: string;
  label: string;
}

function labelOf(day: SkippedDay): string {
  if (day.reason === 'WEEKEND') return weekdayName(day.date);
  return day.name ? `${day.name}${day.reason === 'PAUSED' ? '' : '假期'}` : REASON_TEXT[day.reason];
}

/** Groups consecutive skipped days with the same label: 2024-10-01至2024-10-07（国庆节假期）. */
function runs(days: SkippedDay[]): Run[] {
  const result: Run[] = [];
  for (const day of days) {
    const label = day.reason === 'WEEKEND' ? '周末' : labelOf(day);
    const last = result[result.length - 1];
    const adjacent = last && Date.parse(`${day.date}T00:00:00Z`) - Date.parse(`${last.last}T00:00:00Z`) === 86_400_000;
    if (last && adjacent && last.label === label) last.last = day.date;
    else result.push({ first: day.date, last: day.date, label });
  }
  return result;
}

function formatRun(run: Run): string {
  if (run.first === run.last) {
    const label = run.label === '周末' ? weekdayName(run.first) : run.label;
    return `${run.first}（${label}）`;
  }
  return `${run.first}至${run.last}（${run.label}）`;
}

export interface ExplainInput {
  from: string;
  workingDays: number;
  dueDate: string;
  skipped: SkippedDay[];
  makeupWorkdays: string[];
  outsideData: boolean;
}

export function explainDeadline(input: ExplainInput): string {
  const parts = [`自${input.from}起算${input.workingDays}个工作日（起算日不计），截止${input.dueDate} 23:59:59（北京时间）`];
  const notCounted = input.skipped.filter((d) => d.reason !== 'PAUSED');
  const paused = input.skipped.filter((d) => d.reason === 'PAUSED');
  if (notCounted.length) parts.push(`不计：${runs(notCounted).map(formatRun).join('、')}`);
  if (input.makeupWorkdays.length) {
    parts.push(`调休上班计入：${input.makeupWorkdays.map((d) => `${d}（${weekdayName(d)}）`).join('、')}`);
  }
  if (paused.length) parts.push(`暂停计时不计${paused.length}个工作日：${runs(paused).map(formatRun).join('、')}`);
  if (input.outsideData) parts.push('注意：部分日期超出已发布的节假日安排，按周一至周五工作推算');
  return `${parts.join('；')}。`;
}
