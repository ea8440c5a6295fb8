import { covers, keyAreaPrefix, listAreaPrefix, overlaps, type ApiKeyPrincipal } from './api-key';

const keyFor = (areaCode: string): ApiKeyPrincipal => ({
  id: 'k',
  name: 'test',
  areaCode,
  areaPrefix: keyAreaPrefix(areaCode),
  scopes: ['INTAKE'],
});

describe('area of an API key', () => {
  it.each([
    ['430000000000', '43'],
    ['430200000000', '4302'],
    ['430281000000', '430281'],
    ['430281100000', '430281100'],
    ['430281101201', '430281101201'],
    ['000000000000', ''],
  ])('%s keeps its significant prefix %s', (code, prefix) => {
    expect(keyAreaPrefix(code)).toBe(prefix);
  });

  it('covers its own area and everything under it, nothing beside or above it', () => {
    const township = keyFor('430281101000');
    expect(covers(township, '430281101201')).toBe(true);
    expect(covers(township, '430281101201003')).toBe(true);
    expect(covers(township, '430281102201')).toBe(false);
    expect(covers(township, '430281000000')).toBe(false);
    expect(covers(keyFor('430281000000'), '430281102201')).toBe(true);
    expect(covers(keyFor('000000000000'), '450222101201')).toBe(true);
  });

  it('does not take a township whose own digits end in zero for a wider area', () => {
    // Township 100 of 醴陵市: stripping trailing zeros would give 4302811 and cover township 110 too.
    expect(covers(keyFor('430281100000'), '430281110201')).toBe(false);
    expect(covers(keyFor('430281100000'), '430281100201')).toBe(true);
  });

  it('shares ground with an area above or below it', () => {
    const township = keyFor('430281101000');
    expect(overlaps(township, '430281000000')).toBe(true);
    expect(overlaps(township, '430281101201')).toBe(true);
    expect(overlaps(township, '430281102000')).toBe(false);
  });

  it('bounds a list to the key, narrows it to a filter inside, refuses a filter outside', () => {
    const county = keyFor('430281000000');
    expect(listAreaPrefix(county, undefined)).toBe('430281');
    expect(listAreaPrefix(county, '430281101000')).toBe('430281101');
    expect(listAreaPrefix(county, '450222000000')).toBeNull();
    expect(listAreaPrefix(county, '430000000000')).toBeNull();
  });
});
