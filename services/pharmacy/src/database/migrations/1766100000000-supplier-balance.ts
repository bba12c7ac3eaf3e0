import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each supplier's balance kept beside the ledger: supplier_balance holds what a group owes a supplier, the sum of its
 * entries, and the database adds each entry to it as the entry is inserted (a trigger in the inserting transaction),
 * so no writer can append without it and a receipt or a payment reads one row instead of the whole ledger. The
 * ledger stays append-only; the balance is derived from it and filled from the entries already there. Two indexes
 * serve the other reads a change makes: a supplier's entries in order, and whether a delivery is entered.
 */
export class SupplierBalance1766100000000 implements MigrationInterface {
  name = 'SupplierBalance1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE supplier_balance (
        group_id uuid NOT NULL,
        supplier text NOT NULL,
        balance_fen bigint NOT NULL,
        entry_count integer NOT NULL,
        last_sequence integer NOT NULL,
        PRIMARY KEY (group_id, supplier),
        CONSTRAINT supplier_balance_not_negative CHECK (balance_fen >= 0)
      )`);
    await queryRunner.query(`
      INSERT INTO supplier_balance (group_id, supplier, balance_fen, entry_count, last_sequence)
      SELECT group_id, supplier, sum(amount_fen), count(*), max(sequence)
      FROM supplier_ledger_entry GROUP BY group_id, supplier`);
    await queryRunner.query(`
      CREATE FUNCTION supplier_ledger_entry_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Update first: an upsert would check the entry's own amount (negative for a payment) as a new row.
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
    await queryRunner.query(`
      CREATE INDEX supplier_ledger_entry_by_supplier ON supplier_ledger_entry (group_id, supplier, sequence)`);
    await queryRunner.query(`
      CREATE INDEX supplier_ledger_entry_by_delivery ON supplier_ledger_entry (group_id, reference)
      WHERE kind = 'delivered'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX supplier_ledger_entry_by_delivery`);
    await queryRunner.query(`DROP INDEX supplier_ledger_entry_by_supplier`);
    await queryRunner.query(`DROP TRIGGER supplier_ledger_entry_balance ON supplier_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION supplier_ledger_entry_balance()`);
    await queryRunner.query(`DROP TABLE supplier_balance`);
  }
}
