import { isValidIsoDate, type LocalDate } from '@prp/calendar';

/** Stable error codes of resident identity card validation. */
export type IdCardErrorCode = 'ID_CARD.FORMAT' | 'ID_CARD.BIRTH_DATE' | 'ID_CARD.CHECKSUM';

export type IdCardResult =
  | {
      valid: true;
      /** The number with a lowercase check character `x` upper-cased. */
      normalized: string;
      /** 6-digit address code (行政区划代码) of the first registration. */
      areaCode: string;
      birthDate: LocalDate;
      /** From the parity of the sequence code (17th digit): odd = male. */
      sex: 'MALE' | 'FEMALE';
    }
  | { valid: false; code: IdCardErrorCode; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const FORMAT = /^\d{17}[\dX]$/;
/** (reading) Birth years before 1900 are rejected as implausible for a living resident. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** GB 11643-1999 check character of the first 17 digits: Σ(digit × weight) mod 11 → '10X98765432'. */
export function idCardCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('应为17位数字');
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

function failure(code: IdCardErrorCode, message: string): IdCardResult {
  return { valid: false, code, message };
}

/**
 * Validates an 18-character resident identity card number (GB 11643-1999): format, then the embedded
 * birth date (a real date, not before 1900, not after `asOf` when given), then the check character.
 * A lowercase `x` is accepted and normalized to `X` (reading).
 */
export function validateIdCard(value: string, asOf?: LocalDate): IdCardResult {
  const normalized = value.trim().toUpperCase();
  if (!FORMAT.test(normalized)) return failure('ID_CARD.FORMAT', '身份证号码应为18位：前17位为数字，末位为数字或X');
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const tooLate = asOf !== undefined && birthDate > asOf;
  if (!isValidIsoDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || tooLate) {
    return failure('ID_CARD.BIRTH_DATE', `身份证号码中的出生日期无效：${normalized.slice(6, 14)}`);
  }
  const expected = idCardCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) return failure('ID_CARD.CHECKSUM', '身份证号码校验位错误，请核对号码');
  const sex = Number(normalized[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, normalized, areaCode: normalized.slice(0, 6), birthDate, sex };
}
