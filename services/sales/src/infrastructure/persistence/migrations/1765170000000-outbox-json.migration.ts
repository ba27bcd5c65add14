import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The outbox's envelope and headers as `json` (the messaging schema's columns since issue #5): a
 * database created before keeps `jsonb` columns, which the writer and relay still handle but at
 * about twice PostgreSQL's CPU per event. A no-op where the columns already are `json`.
 */
export class OutboxJson1765170000000 implements MigrationInterface {
  name = 'OutboxJson1765170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(columnsTo('json'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(columnsTo('jsonb'));
  }
}

function columnsTo(type: 'json' | 'jsonb'): string {
  return `
    DO $$
    BEGIN
      IF (SELECT data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'messaging_outbox' AND column_name = 'envelope') <> '${type}' THEN
        ALTER TABLE messaging_outbox
          ALTER COLUMN headers DROP DEFAULT,
          ALTER COLUMN envelope TYPE ${type},
          ALTER COLUMN headers TYPE ${type},
          ALTER COLUMN headers SET DEFAULT '{}'::${type};
      END IF;
    END $$`;
}
