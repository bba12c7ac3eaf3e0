import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { isLocalDate } from '@medgrid/kernel';
import { SettledPeriods } from '../../../claims/domain/settled-periods';
import { monthPeriod } from '../../../common/domain/effective-period';
import { settlementPeriodLockKey } from './settlement-run.typeorm-repository';

/**
 * Claims' SettledPeriods answered from settlement_run: a claim shares its group's month's lock (a run takes it
 * alone), so a claim in flight is counted by the run that waits for it, and a claim after the run sees it.
 */
@Injectable()
export class SettledPeriodsTypeormRepository extends SettledPeriods {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async isSettled(groupId: string | null, serviceDate: string): Promise<boolean> {
    // A claim without a group is never settled, and a date that is no day is the claim's own check to refuse:
    // shaped like one (2026-12-32, 0000-01-01), it failed in PostgreSQL's cast as INTERNAL (found by fuzzing).
    if (groupId === null || !isLocalDate(serviceDate)) return false;
    const db = this.uow.transactionalManager();
    const period = monthPeriod(serviceDate.slice(0, 7));
    await queryNamed(db, `SELECT pg_advisory_xact_lock_shared(hashtextextended(:key, 0))`, {
      key: settlementPeriodLockKey(groupId, period.from),
    });
    const rows = await queryNamed<{ settled: boolean }>(
      db,
      `SELECT EXISTS (
         SELECT 1 FROM settlement_run
          WHERE group_id = :groupId AND period_from <= :day::date AND :day::date < period_until
       ) AS settled`,
      { groupId, day: serviceDate },
    );
    return rows[0]?.settled === true;
  }
}
