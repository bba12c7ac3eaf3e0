import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Budgets and settlement. A fund's capitation rates and settlement rules are kept as every version whole (a version
 * is never rewritten, the newest read for the next); a group's global budget is one row per period. A settlement
 * run is one per group and period (its unique key is what makes a period settled once, whoever races), with the
 * claim versions it counted and its ledger lines in integer fen; runs, counted claims and ledger lines are never
 * updated or deleted.
 */
export class Settlement1734500000004 implements MigrationInterface {
  name = 'Settlement1734500000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE capitation_schedule_version (
        fund_id uuid NOT NULL,
        version integer NOT NULL,
        rates jsonb NOT NULL,
        loaded_at timestamptz NOT NULL,
        loaded_by text NOT NULL,
        PRIMARY KEY (fund_id, version),
        CONSTRAINT capitation_schedule_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE settlement_rules_version (
        fund_id uuid NOT NULL,
        version integer NOT NULL,
        policies jsonb NOT NULL,
        schemes jsonb NOT NULL,
        loaded_at timestamptz NOT NULL,
        loaded_by text NOT NULL,
        PRIMARY KEY (fund_id, version),
        CONSTRAINT settlement_rules_version_check CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE global_budget (
        group_id uuid NOT NULL,
        period_from date NOT NULL,
        period_until date NOT NULL,
        amount bigint NOT NULL,
        residents integer NOT NULL,
        basis text NOT NULL,
        set_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, period_from),
        CONSTRAINT global_budget_amount_check CHECK (amount >= 0),
        CONSTRAINT global_budget_period_check CHECK (period_from < period_until)
      )`);
    await queryRunner.query(`
      CREATE TABLE settlement_run (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        region_id uuid NOT NULL,
        period_from date NOT NULL,
        period_until date NOT NULL,
        budget bigint NOT NULL,
        fund_paid bigint NOT NULL,
        claims integer NOT NULL,
        result jsonb NOT NULL,
        settled_at timestamptz NOT NULL,
        settled_by text NOT NULL,
        CONSTRAINT settlement_run_group_period_key UNIQUE (group_id, period_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE settlement_claim (
        run_id uuid NOT NULL REFERENCES settlement_run (id),
        claim_id uuid NOT NULL,
        claim_version integer NOT NULL,
        PRIMARY KEY (run_id, claim_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ledger_entry (
        run_id uuid NOT NULL REFERENCES settlement_run (id),
        line integer NOT NULL,
        kind text NOT NULL,
        account text NOT NULL,
        debit bigint NOT NULL,
        credit bigint NOT NULL,
        memo text NOT NULL,
        PRIMARY KEY (run_id, line),
        CONSTRAINT ledger_entry_amount_check CHECK (debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION settlement_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are the settled record: never updated or deleted', TG_TABLE_NAME;
      END $$`);
    for (const table of [
      'settlement_run',
      'settlement_claim',
      'ledger_entry',
      'capitation_schedule_version',
      'settlement_rules_version',
    ]) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_kept BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION settlement_kept()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ledger_entry`);
    await queryRunner.query(`DROP TABLE settlement_claim`);
    await queryRunner.query(`DROP TABLE settlement_run`);
    await queryRunner.query(`DROP TABLE global_budget`);
    await queryRunner.query(`DROP TABLE settlement_rules_version`);
    await queryRunner.query(`DROP TABLE capitation_schedule_version`);
    await queryRunner.query(`DROP FUNCTION settlement_kept()`);
  }
}
