import { toShanghaiDate } from '@prp/calendar';

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return toShanghaiDate(now);
}

/** `2026-11-20` → `2026Q4`. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.floor((month - 1) / 3) + 1}`;
}
