import { idCardCheckCharacter, validateIdCard } from './id-card';

describe('GB 11643 resident identity card numbers', () => {
  it('accepts the published sample with an X check character and reads its birth date and sex', () => {
    expect(validateIdCard('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      areaCode: '110105',
      birthDate: '1949-12-31',
      sex: 'FEMALE',
    });
  });

  it('accepts a lowercase x and normalizes it', () => {
    expect(validateIdCard('11010519491231002x')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('computes the check character from the 17 digits', () => {
    expect(idCardCheckCharacter('43028119800315001')).toBe('9');
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
  });

  it.each([
    ['a wrong check digit', '430281198003150018', 'ID_CARD.CHECKSUM'],
    ['17 characters', '43028119800315001', 'ID_CARD.FORMAT'],
    ['a letter inside', '4302811980031500A9', 'ID_CARD.FORMAT'],
    ['31 February', '430281198002310019', 'ID_CARD.BIRTH_DATE'],
  ])('refuses %s with a stable code and a Chinese message', (_label, value, code) => {
    const result = validateIdCard(value);
    expect(result).toMatchObject({ valid: false, code });
    expect(result.valid === false && result.message).toMatch(/身份证/);
  });

  it('refuses a birth date after the day of the check', () => {
    expect(validateIdCard('430281201502120046', '2014-12-31')).toMatchObject({
      valid: false,
      code: 'ID_CARD.BIRTH_DATE',
    });
  });
});
