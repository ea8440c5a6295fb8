import { ConfigError } from '@prp/service-kit';
import { loadIdentificationConfig } from './identification.config';

const PII_SECRET = 'x'.repeat(32);

describe('identification config', () => {
  it('falls back to the local stack defaults', () => {
    const config = loadIdentificationConfig({ PII_SECRET });
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.RELAY_ENABLED).toBe(true);
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
  });

  it('refuses a Temporal address without a port', () => {
    expect(() => loadIdentificationConfig({ PII_SECRET, TEMPORAL_ADDRESS: 'temporal' })).toThrow(/TEMPORAL_ADDRESS/);
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(loadIdentificationConfig({ PII_SECRET, RELAY_ENABLED: 'false' }).RELAY_ENABLED).toBe(false);
  });

  it('names every bad variable in one error', () => {
    const load = () => loadIdentificationConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
      expect(problems).toMatch(/PII_SECRET/);
    }
  });

  it('leaves the admin endpoints off without a token and refuses a short one', () => {
    expect(loadIdentificationConfig({ PII_SECRET }).IDENTIFICATION_ADMIN_TOKEN).toBeUndefined();
    expect(() => loadIdentificationConfig({ PII_SECRET, IDENTIFICATION_ADMIN_TOKEN: 'short' })).toThrow(
      /IDENTIFICATION_ADMIN_TOKEN/,
    );
    const token = 'a'.repeat(24);
    expect(loadIdentificationConfig({ PII_SECRET, IDENTIFICATION_ADMIN_TOKEN: token }).IDENTIFICATION_ADMIN_TOKEN).toBe(token);
  });
});
