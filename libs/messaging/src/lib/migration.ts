import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and processed-event tables, created in the service's own schema (via its search_path). */
export class CreateMessagingTables1732000000000 implements MigrationInterface {
  name = 'CreateMessagingTables1732000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_message (
        seq bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query(`CREATE INDEX outbox_message_unpublished_idx ON outbox_message (seq) WHERE published_at IS NULL`);
    await runner.query(`
      CREATE TABLE processed_event (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE processed_event`);
    await runner.query(`DROP TABLE outbox_message`);
  }
}
