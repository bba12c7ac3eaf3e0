import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Unified purchasing: the institutions' requisitions, the purchasing centre's purchase orders (their lines, sources
 * and receipts as JSON, read and written whole with the order), the deliveries received, the distributions made, and
 * the settlement ledger with the suppliers, whose entries are never updated or deleted.
 */
export class Purchasing1765100000000 implements MigrationInterface {
  name = 'Purchasing1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE requisition (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        institution_id uuid NOT NULL,
        status text NOT NULL,
        lines jsonb NOT NULL,
        purchase_order_ids jsonb NOT NULL,
        raised_at timestamptz NOT NULL,
        CONSTRAINT requisition_status_check CHECK (status IN ('open', 'ordered', 'cancelled'))
      )`);
    await queryRunner.query(
      `CREATE INDEX requisition_group_idx ON requisition (group_id, status, raised_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX requisition_institution_idx ON requisition (institution_id, raised_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE purchase_order (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        placement_id uuid NOT NULL,
        supplier text NOT NULL,
        status text NOT NULL,
        lines jsonb NOT NULL,
        placed_at timestamptz NOT NULL,
        closed_at timestamptz,
        CONSTRAINT purchase_order_status_check CHECK (status IN ('open', 'closed'))
      )`);
    await queryRunner.query(`CREATE INDEX purchase_order_placement_idx ON purchase_order (placement_id)`);
    await queryRunner.query(`
      CREATE TABLE purchase_delivery (
        group_id uuid NOT NULL,
        delivery_id text NOT NULL,
        purchase_order_id uuid NOT NULL,
        supplier text NOT NULL,
        lines jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, delivery_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX purchase_delivery_received_idx ON purchase_delivery (group_id, received_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE purchase_distribution (
        purchase_order_id uuid PRIMARY KEY,
        group_id uuid NOT NULL,
        supplier text NOT NULL,
        allocations jsonb NOT NULL,
        shortfalls jsonb NOT NULL,
        shortages jsonb NOT NULL,
        distributed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE supplier_ledger_entry (
        group_id uuid NOT NULL,
        sequence integer NOT NULL,
        supplier text NOT NULL,
        kind text NOT NULL,
        reference text NOT NULL,
        drug_code text,
        quantity integer,
        unit_price_fen bigint,
        amount_fen bigint NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (group_id, sequence),
        CONSTRAINT supplier_ledger_entry_kind_check CHECK (
          (kind = 'delivered' AND amount_fen >= 0 AND quantity > 0 AND unit_price_fen >= 0)
          OR (kind = 'paid' AND amount_fen < 0)
        )
      )`);
    await queryRunner.query(`
      CREATE FUNCTION supplier_ledger_entry_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'supplier_ledger_entry rows are a ledger: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER supplier_ledger_entry_kept BEFORE UPDATE OR DELETE ON supplier_ledger_entry
      FOR EACH ROW EXECUTE FUNCTION supplier_ledger_entry_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE supplier_ledger_entry`);
    await queryRunner.query(`DROP FUNCTION supplier_ledger_entry_kept()`);
    await queryRunner.query(`DROP TABLE purchase_distribution`);
    await queryRunner.query(`DROP TABLE purchase_delivery`);
    await queryRunner.query(`DROP TABLE purchase_order`);
    await queryRunner.query(`DROP TABLE requisition`);
  }
}
