import { idCardCheckCharacter, validateIdCard } from './id-card';

describe('GB 11643-1999 resident identity card numbers', () => {
  it('accepts the published sample 11010519491231002X and reads area, birth date and sex', () => {
    expect(validateIdCard('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      areaCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
    });
  });

  it('computes the check character: Σ digit × weight mod 11 → "10X98765432"', () => {
    // 1×7+1×9+0×10+1×5+0×8+5×4+1×2+9×1+4×6+9×3+1×7+2×9+3×10+1×5+0×8+0×4+2×2 = 167; 167 mod 11 = 2 → X
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(idCardCheckCharacter('43028119800315001')).toBe('9');
    expect(idCardCheckCharacter('32098120000229000')).toBe('4');
    expect(() => idCardCheckCharacter('1101051949123100')).toThrow(RangeError);
  });

  it('accepts a lowercase x and surrounding blanks, normalizing them; reads an odd 17th digit as male', () => {
    expect(validateIdCard(' 11010519491231002x ')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(validateIdCard('430281198003150019')).toMatchObject({ valid: true, sex: 'MALE', birthDate: '1980-03-15' });
  });

  it('accepts 29 February of a leap year (2000) and refuses it in 1900, a century that is not leap', () => {
    expect(validateIdCard('320981200002290004')).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    expect(validateIdCard('320981190002290008')).toMatchObject({ valid: false, code: 'ID_CARD.BIRTH_DATE' });
  });

  it.each([
    ['a wrong check digit (…0018 instead of …0019)', '430281198003150018', 'ID_CARD.CHECKSUM'],
    ['a digit where the sample has X', '110105194912310021', 'ID_CARD.CHECKSUM'],
    ['17 characters', '43028119800315001', 'ID_CARD.FORMAT'],
    ['an old 15-digit number', '110105491231002', 'ID_CARD.FORMAT'],
    ['a letter inside', '4302811980031500A9', 'ID_CARD.FORMAT'],
    ['X anywhere but last', '11010519491231X002', 'ID_CARD.FORMAT'],
    ['31 February', '430281198002310019', 'ID_CARD.BIRTH_DATE'],
    ['month 13', '430281198013150019', 'ID_CARD.BIRTH_DATE'],
    ['a birth year before 1900', '430281189912310019', 'ID_CARD.BIRTH_DATE'],
  ])('refuses %s with a stable code and a Chinese message', (_label, value, code) => {
    const result = validateIdCard(value);
    expect(result).toMatchObject({ valid: false, code });
    expect(result.valid === false && result.message).toMatch(/身份证号码/);
  });

  it('checks the birth date before the check digit, so a clerk fixes the date first', () => {
    expect(validateIdCard('430281198002310010')).toMatchObject({
      code: 'ID_CARD.BIRTH_DATE',
      message: '身份证号码中的出生日期无效：19800231',
    });
  });

  it('refuses a birth date after the day of the check', () => {
    expect(validateIdCard('430281201502120046', '2014-12-31')).toMatchObject({
      valid: false,
      code: 'ID_CARD.BIRTH_DATE',
    });
    expect(validateIdCard('430281201502120046', '2015-02-12')).toMatchObject({ valid: true });
  });
});
