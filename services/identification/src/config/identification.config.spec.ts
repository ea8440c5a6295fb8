import { ConfigError } from '@prp/service-kit';
import { loadIdentificationConfig } from './identification.config';

describe('identification config', () => {
  it('falls back to the local stack defaults', () => {
    const config = loadIdentificationConfig({});
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.RELAY_ENABLED).toBe(true);
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(loadIdentificationConfig({ RELAY_ENABLED: 'false' }).RELAY_ENABLED).toBe(false);
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
    }
  });
});
