import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The institutions' formularies and stock: the catalogue drugs each stocks, its packs on hand of each (never
 * negative), and every movement of stock, which is never updated or deleted.
 */
export class Formulary1734300000200 implements MigrationInterface {
  name = 'Formulary1734300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE formulary_item (
        institution_id uuid NOT NULL,
        drug_code text NOT NULL,
        stocked_at timestamptz NOT NULL,
        PRIMARY KEY (institution_id, drug_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_balance (
        institution_id uuid NOT NULL,
        drug_code text NOT NULL,
        on_hand integer NOT NULL,
        PRIMARY KEY (institution_id, drug_code),
        CONSTRAINT stock_balance_on_hand_check CHECK (on_hand >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_movement (
        id uuid PRIMARY KEY,
        institution_id uuid NOT NULL,
        drug_code text NOT NULL,
        kind text NOT NULL,
        quantity integer NOT NULL,
        on_hand_after integer NOT NULL,
        reason text NOT NULL,
        at timestamptz NOT NULL,
        CONSTRAINT stock_movement_kind_check CHECK (kind IN ('received', 'issued')),
        CONSTRAINT stock_movement_quantity_check CHECK (quantity > 0 AND on_hand_after >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX stock_movement_drug_idx ON stock_movement (institution_id, drug_code, at)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION stock_movement_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movement rows are history: never updated or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER stock_movement_kept BEFORE UPDATE OR DELETE ON stock_movement
      FOR EACH ROW EXECUTE FUNCTION stock_movement_kept()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stock_movement`);
    await queryRunner.query(`DROP FUNCTION stock_movement_kept()`);
    await queryRunner.query(`DROP TABLE stock_balance`);
    await queryRunner.query(`DROP TABLE formulary_item`);
  }
}
