import { ListStagesQuerySchema } from './list-stages.dto';
import { countsByStep } from './list-stages.service';

describe('households at each stage', () => {
  it('lists every step in chain order with zero where nobody stands', () => {
    const counts = countsByStep([
      { step: 'COUNTY_APPROVAL', count: 12 },
      { step: 'AWAITING_RESPONSE', count: 3 },
    ]);
    expect(counts.slice(0, 3)).toEqual([
      { step: 'AWAITING_RESPONSE', count: 3 },
      { step: 'RESPONDED', count: 0 },
      { step: 'HOME_VERIFICATION', count: 0 },
    ]);
    expect(counts.find((c) => c.step === 'COUNTY_APPROVAL')?.count).toBe(12);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(15);
  });

  it('refuses an unknown step in the query with a Chinese message', () => {
    const parsed = ListStagesQuerySchema.safeParse({ step: 'LUNCH' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toContain('环节应为');
  });
});
