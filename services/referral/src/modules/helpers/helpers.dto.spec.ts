import { parseOrThrow, RequestValidationException, type FieldError } from '@prp/service-kit';
import { areaMatchesLevel, CreateHelperSchema } from './helpers.dto';

function errorsOf(input: unknown): FieldError[] {
  try {
    parseOrThrow(CreateHelperSchema, input);
  } catch (error) {
    if (error instanceof RequestValidationException) return error.errors;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('registering a helper', () => {
  it.each([
    ['430200000000', 'CITY', true],
    ['430281000000', 'CITY', false],
    ['430281000000', 'COUNTY', true],
    ['430281101000', 'TOWNSHIP', true],
    ['430281101201', 'VILLAGE', true],
    ['430281101000', 'VILLAGE', false],
    ['430281101201', 'TOWNSHIP', false],
  ] as const)('area %s fits a %s cadre: %s', (areaCode, level, fits) => {
    expect(areaMatchesLevel(areaCode, level)).toBe(fits);
  });

  it('refuses a city cadre registered on a village, naming areaCode with a Chinese message and a stable code', () => {
    const input = { name: '陈干部', level: 'CITY', unit: '市财政局', areaCode: '430281101201', capacity: 1 };
    expect(errorsOf(input)).toEqual([
      { field: 'areaCode', code: 'REFERRAL.AREA_LEVEL_MISMATCH', message: expect.stringContaining('市级干部') },
    ]);
  });

  it('requires the capacity (no ratio is assumed in code)', () => {
    const input = { name: '陈干部', level: 'CITY', unit: '市财政局', areaCode: '430200000000' };
    expect(errorsOf(input)).toEqual([expect.objectContaining({ field: 'capacity', code: 'FIELD.REQUIRED' })]);
  });
});
