import { assertTestDatabase, databaseNameOf, redact } from './test-database';

describe('test database guard', () => {
  it('accepts a database whose name contains "test"', () => {
    expect(() => assertTestDatabase('postgres://prp:prp@127.0.0.1:55432/prp_test')).not.toThrow();
  });

  it('refuses the development database, so tests never wipe real data', () => {
    expect(() => assertTestDatabase('postgres://prp:prp@127.0.0.1:55432/prp_dev')).toThrow(/refusing .*prp_dev/);
  });

  it('reads the database name and hides the password in messages', () => {
    expect(databaseNameOf('postgres://u:p@h:1/abc_test')).toBe('abc_test');
    expect(redact('postgres://u:secret@h:1/db')).toBe('postgres://u:***@h:1/db');
  });
});
