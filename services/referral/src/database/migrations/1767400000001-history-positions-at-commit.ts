import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A history entry's position in the service-wide history (what WatchReferrals resumes after) is handed out when its
 * transaction commits, no longer when it is inserted: a deferred constraint trigger takes the history's lock and
 * numbers the transaction's entries as the last thing before the commit record, so positions still follow commit
 * order (a watcher that has read position n never later meets a smaller one) while the lock is held for the
 * commit alone, not for the writer's round trips between its insert and its commit. Rows written before keep their
 * sequence number as their position.
 */
export class HistoryPositionsAtCommit1767400000001 implements MigrationInterface {
  name = 'HistoryPositionsAtCommit1767400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE referral_history ADD COLUMN position bigint`);
    await queryRunner.query(`UPDATE referral_history SET position = seq`);
    await queryRunner.query(`CREATE SEQUENCE referral_history_position_seq AS bigint`);
    await queryRunner.query(
      `SELECT setval('referral_history_position_seq', coalesce((SELECT max(seq) FROM referral_history), 0) + 1, false)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_history_position_uq ON referral_history (position)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION referral_history_position() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('referral-history', 0));
        UPDATE referral_history SET position = nextval('referral_history_position_seq') WHERE seq = NEW.seq;
        RETURN NULL;
      END $$`);
    // Deferred triggers fire at commit in the order their rows were inserted: a transaction's entries keep theirs.
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER referral_history_position AFTER INSERT ON referral_history
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION referral_history_position()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER referral_history_position ON referral_history`);
    await queryRunner.query(`DROP FUNCTION referral_history_position()`);
    await queryRunner.query(`DROP INDEX referral_history_position_uq`);
    await queryRunner.query(`DROP SEQUENCE referral_history_position_seq`);
    await queryRunner.query(`ALTER TABLE referral_history DROP COLUMN position`);
  }
}
