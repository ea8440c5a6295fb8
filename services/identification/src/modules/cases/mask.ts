/** 张三 -> 张*, 欧阳娜娜 -> 欧***: the surname stays, the rest is masked. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
