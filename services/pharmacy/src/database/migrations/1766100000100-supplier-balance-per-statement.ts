import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The supplier balance is added to once per supplier per insert statement instead of once per entry: a row-level
 * trigger updates the same balance row once for each entry of a statement, and each update of a row already updated
 * in the transaction walks its chain of versions, so a statement of many entries of one supplier grew quadratically.
 * The statement's new entries are summed per supplier from its transition table.
 */
export class SupplierBalancePerStatement1766100000100 implements MigrationInterface {
  name = 'SupplierBalancePerStatement1766100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER supplier_ledger_entry_balance ON supplier_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION supplier_ledger_entry_balance()`);
    await queryRunner.query(`
      CREATE FUNCTION supplier_ledger_entries_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A zero row first (it passes the not-negative check), then the statement's sums added to it.
        INSERT INTO supplier_balance (group_id, supplier, balance_fen, entry_count, last_sequence)
        SELECT DISTINCT group_id, supplier, 0, 0, 0 FROM new_entries
        ON CONFLICT (group_id, supplier) DO NOTHING;
        UPDATE supplier_balance b SET
          balance_fen = b.balance_fen + n.total,
          entry_count = b.entry_count + n.entries,
          last_sequence = GREATEST(b.last_sequence, n.last)
        FROM (
          SELECT group_id, supplier, sum(amount_fen) AS total, count(*) AS entries, max(sequence) AS last
          FROM new_entries GROUP BY group_id, supplier
        ) n
        WHERE b.group_id = n.group_id AND b.supplier = n.supplier;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER supplier_ledger_entries_balance AFTER INSERT ON supplier_ledger_entry
      REFERENCING NEW TABLE AS new_entries
      FOR EACH STATEMENT EXECUTE FUNCTION supplier_ledger_entries_balance()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER supplier_ledger_entries_balance ON supplier_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION supplier_ledger_entries_balance()`);
    await queryRunner.query(`
      CREATE FUNCTION supplier_ledger_entry_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE supplier_balance SET
          balance_fen = balance_fen + NEW.amount_fen,
          entry_count = entry_count + 1,
          last_sequence = GREATEST(last_sequence, NEW.sequence)
        WHERE group_id = NEW.group_id AND supplier = NEW.supplier;
        IF NOT FOUND THEN
          INSERT INTO supplier_balance (group_id, supplier, balance_fen, entry_count, last_sequence)
          VALUES (NEW.group_id, NEW.supplier, NEW.amount_fen, 1, NEW.sequence);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER supplier_ledger_entry_balance AFTER INSERT ON supplier_ledger_entry
      FOR EACH ROW EXECUTE FUNCTION supplier_ledger_entry_balance()`);
  }
}
