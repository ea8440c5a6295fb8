/** `430281000000` → `430281`: the prefix every area below a statistical code shares (2/4/6/9/12 digits). */
export function areaPrefix(code: string): string {
  const length = [2, 4, 6, 9].find((digits) => /^0+$/.test(code.slice(digits))) ?? 12;
  return code.slice(0, length);
}

/** True when `area` lies inside (or is) the area `code`. */
export function isWithin(area: string, code: string): boolean {
  return area.startsWith(areaPrefix(code));
}

/** The township prefix (9 digits) of a village or community code. */
export function townshipPrefix(code: string): string {
  return code.slice(0, 9);
}
