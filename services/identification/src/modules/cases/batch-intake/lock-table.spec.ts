import { lockTableWarning, MIN_LOCKS_PER_TRANSACTION } from './batch-intake.service';

describe('lock table check at start-up', () => {
  it('warns about PostgreSQL default of 64 locks per transaction, naming the setting and the failure', () => {
    const warning = lockTableWarning(64);
    expect(warning).toContain('max_locks_per_transaction is 64');
    expect(warning).toContain('out of shared memory');
  });

  it('is quiet from the size the platform asks for', () => {
    expect(lockTableWarning(MIN_LOCKS_PER_TRANSACTION)).toBeNull();
    expect(lockTableWarning(1_024)).toBeNull();
  });
});
