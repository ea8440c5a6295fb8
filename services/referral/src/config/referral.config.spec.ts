import { ConfigError } from '@prp/service-kit';
import { loadReferralConfig } from './referral.config';

describe('referral config', () => {
  it('uses the local defaults and turns auto-assignment on', () => {
    const config = loadReferralConfig({});
    expect(config).toMatchObject({
      PORT: 3002,
      REFERRAL_AUTO_ASSIGN: true,
      REFERRAL_CONSUMER_GROUP: 'referral-inclusions',
    });
    expect(config.REFERRAL_ADMIN_TOKEN).toBeUndefined();
  });

  it("reads REFERRAL_AUTO_ASSIGN='false' as false (not Boolean('false'))", () => {
    expect(loadReferralConfig({ REFERRAL_AUTO_ASSIGN: 'false' }).REFERRAL_AUTO_ASSIGN).toBe(false);
  });

  it('names every bad variable', () => {
    const load = () =>
      loadReferralConfig({
        PORT: '70000',
        REFERRAL_AUTO_ASSIGN: 'maybe',
        REFERRAL_ADMIN_TOKEN: 'short',
        DATABASE_URL: 'mysql://x',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'REFERRAL_AUTO_ASSIGN', 'REFERRAL_ADMIN_TOKEN', 'DATABASE_URL'])
        expect(text).toContain(name);
    }
  });
});
