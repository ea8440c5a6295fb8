import { areaPrefix } from './list-cases.controller';

describe('area filter of the case list', () => {
  it.each([
    ['430000000000', '43'],
    ['430200000000', '4302'],
    ['430281000000', '430281'],
    ['430281101000', '430281101'],
    ['430281101201', '430281101201'],
  ])('%s covers every area whose code starts with %s', (code, prefix) => {
    expect(areaPrefix(code)).toBe(prefix);
  });
});
