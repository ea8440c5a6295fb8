import { clockResolvedBy } from './clock-resolution';

describe('which overdue clock a recorded step resolves', () => {
  it.each([
    ['RESPONSE', 'DONE', 'RESPONSE'],
    ['TOWNSHIP_RECHECK', 'APPROVED', 'DETERMINATION'],
    ['COUNTY_APPROVAL', 'APPROVED', 'COUNTY_BATCH'],
    ['COUNTY_APPROVAL', 'REJECTED', 'COUNTY_BATCH'],
  ])('%s %s resolves the %s clock', (step, result, kind) => {
    expect(clockResolvedBy(step, result)).toBe(kind);
  });

  it.each([
    ['HOME_VERIFICATION', 'DONE'],
    ['PROPERTY_CHECK', 'SENT'],
    ['VILLAGE_REVIEW', 'APPROVED'],
    ['TOWNSHIP_RECHECK', 'REJECTED'],
    ['PUBLIC_NOTICE', 'PASSED'],
  ])('%s %s leaves every clock running', (step, result) => {
    expect(clockResolvedBy(step, result)).toBeNull();
  });
});
