import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox and processed-event tables. Names are unqualified: the data source's search_path puts them in
 * the service's own schema. Every service lists this migration first.
 */
export class CreateMessagingTables1732000000000 implements MigrationInterface {
  name = 'CreateMessagingTables1732000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_message (
        seq          bigserial   PRIMARY KEY,
        event_id     uuid        NOT NULL CONSTRAINT outbox_message_event_id_key UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        event_type   text        NOT NULL,
        envelope     jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        attempts     integer     NOT NULL DEFAULT 0,
        last_error   text        NULL
      )`);
    await runner.query(`CREATE INDEX outbox_message_unpublished_idx ON outbox_message (seq) WHERE published_at IS NULL`);
    await runner.query(`
      CREATE TABLE processed_event (
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT processed_event_pkey PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS processed_event`);
    await runner.query(`DROP TABLE IF EXISTS outbox_message`);
  }
}
