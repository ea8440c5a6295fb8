import { runHealthChecks } from './health';

describe('health checks', () => {
  it('is ok only when every dependency answers', async () => {
    const report = await runHealthChecks([{ name: 'database', check: async () => 1 }]);
    expect(report).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('reports a hanging dependency as down after the timeout instead of hanging itself', async () => {
    const hanging = { name: 'kafka', check: () => new Promise(() => undefined) };
    const report = await runHealthChecks([{ name: 'database', check: async () => 1 }, hanging], 50);
    expect(report.status).toBe('error');
    expect(report.checks['kafka']).toMatchObject({ status: 'down', error: 'timeout after 50 ms' });
    expect(report.checks['database'].status).toBe('up');
  });

  it('carries the error message of a failing dependency', async () => {
    const report = await runHealthChecks([{ name: 'temporal', check: async () => Promise.reject(new Error('connection refused')) }]);
    expect(report.checks['temporal']).toMatchObject({ status: 'down', error: 'connection refused' });
  });
});
