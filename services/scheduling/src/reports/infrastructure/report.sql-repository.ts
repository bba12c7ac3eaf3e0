import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { CLINIC_TIME_ZONE } from '@medgrid/kernel';
import { type BedFigures, type SlotFigures } from '../domain/daily-report';
import { ReportRepository } from '../domain/report.repository';

const LIVE = `('held', 'booked')`;

@Injectable()
export class ReportSqlRepository extends ReportRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async slotFigures(institutionId: string, date: string): Promise<SlotFigures> {
    const [row] = await this.uow.manager().query<Record<keyof SlotFigures, string>[]>(
      `WITH day AS (
         SELECT id, capacity, reserved_offered, reserved_released FROM clinic_session
          WHERE institution_id = $1 AND date = $2 AND status = 'open')
       SELECT (SELECT count(*) FROM day) AS sessions,
              (SELECT coalesce(sum(capacity), 0) FROM day) AS offered,
              (SELECT coalesce(sum(reserved_offered), 0) FROM day) AS "reservedOffered",
              (SELECT coalesce(sum(reserved_released), 0) FROM day) AS "reservedReleased",
              (SELECT count(*) FROM booking b JOIN day ON day.id = b.session_id
                WHERE b.pool = 'reserved' AND b.status IN ${LIVE}) AS "reservedUsed",
              (SELECT count(*) FROM seat s JOIN day ON day.id = s.session_id
                WHERE s.pool = 'reserved' AND s.booking_id IS NULL) AS "reservedEmpty",
              (SELECT count(*) FROM booking b JOIN day ON day.id = b.session_id
                WHERE b.pool = 'public' AND b.status IN ${LIVE}) AS "publicUsed"`,
      [institutionId, date],
    );
    return numbers(row!);
  }

  async bedFigures(institutionId: string, date: string): Promise<BedFigures> {
    const [row] = await this.uow.manager().query<Record<keyof BedFigures, string>[]>(
      `SELECT count(*) AS beds,
              count(*) FILTER (WHERE b.pool = 'reserved') AS "reservedBeds",
              count(*) FILTER (WHERE b.pool = 'reserved' AND b.admission_id IS NOT NULL) AS "reservedOccupied",
              count(*) FILTER (WHERE b.pool = 'public' AND b.admission_id IS NOT NULL) AS "publicOccupied",
              (SELECT count(*) FROM admission a
                WHERE a.institution_id = $1 AND a.referral_id <> ''
                  AND (a.requested_at AT TIME ZONE $3)::date = $2) AS "referralAdmissions"
         FROM bed b JOIN ward w ON w.id = b.ward_id WHERE w.institution_id = $1`,
      [institutionId, date, CLINIC_TIME_ZONE],
    );
    return numbers(row!);
  }

  async hospitalsOn(date: string): Promise<{ institutionId: string; groupId: string }[]> {
    const rows = await this.uow.manager().query<{ institution_id: string; group_id: string }[]>(
      `SELECT DISTINCT institution_id, group_id FROM clinic_session WHERE date = $1 AND status = 'open'
       UNION SELECT institution_id, group_id FROM ward`,
      [date],
    );
    return rows.map((row) => ({ institutionId: row.institution_id, groupId: row.group_id }));
  }
}

/** PostgreSQL answers count(*) and sum() as text (bigint, numeric). */
function numbers<K extends string>(row: Record<K, string>): Record<K, number> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Record<
    K,
    number
  >;
}
