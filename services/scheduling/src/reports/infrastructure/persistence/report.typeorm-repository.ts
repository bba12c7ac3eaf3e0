import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { CLINIC_TIME_ZONE } from '@medgrid/kernel';
import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { AdmissionOrmEntity } from '../../../beds/infrastructure/persistence/admission.orm-entity';
import { BedOrmEntity } from '../../../beds/infrastructure/persistence/bed.orm-entity';
import { WardOrmEntity } from '../../../beds/infrastructure/persistence/ward.orm-entity';
import { BookingOrmEntity } from '../../../booking/infrastructure/persistence/booking.orm-entity';
import { ClinicSessionOrmEntity } from '../../../schedules/infrastructure/persistence/clinic-session.orm-entity';
import { SeatOrmEntity } from '../../../schedules/infrastructure/persistence/seat.orm-entity';
import { type BedFigures, type SlotFigures } from '../../domain/daily-report';
import { ReportRepository } from '../../domain/report.repository';

const LIVE = `('held', 'booked')`;

/**
 * The ids of the hospital's open sessions on the day, as a subquery (parameters :institutionId and
 * :onDate; never :date, which would also bind the `::date` of a cast).
 */
function sessionsOfTheDay(query: SelectQueryBuilder<ObjectLiteral>): string {
  return query
    .subQuery()
    .select('d.id')
    .from(ClinicSessionOrmEntity, 'd')
    .where(`d.institutionId = :institutionId AND d.date = :onDate AND d.status = 'open'`)
    .getQuery();
}

/**
 * A hospital's figures of a day, each read in one statement so its counts agree with each other.
 * Read only: sessions, seats, bookings, beds and admissions are written by their own repositories.
 */
@Injectable()
export class ReportTypeormRepository extends ReportRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async slotFigures(institutionId: string, date: string): Promise<SlotFigures> {
    const count =
      (entity: typeof BookingOrmEntity | typeof SeatOrmEntity, alias: string, where: string) =>
      (query: SelectQueryBuilder<ObjectLiteral>) =>
        query
          .subQuery()
          .select('count(*)')
          .from(entity, alias)
          .where(`${alias}.sessionId IN ${sessionsOfTheDay(query)}`)
          .andWhere(where);
    const row = await this.uow
      .manager()
      .createQueryBuilder(ClinicSessionOrmEntity, 's')
      .select('count(*)', 'sessions')
      .addSelect('coalesce(sum(s.capacity), 0)', 'offered')
      .addSelect('coalesce(sum(s.reservedOffered), 0)', 'reservedOffered')
      .addSelect('coalesce(sum(s.reservedReleased), 0)', 'reservedReleased')
      .addSelect(count(BookingOrmEntity, 'b', `b.pool = 'reserved' AND b.status IN ${LIVE}`), 'reservedUsed')
      .addSelect(count(SeatOrmEntity, 'f', `f.pool = 'reserved' AND f.bookingId IS NULL`), 'reservedEmpty')
      .addSelect(count(BookingOrmEntity, 'b', `b.pool = 'public' AND b.status IN ${LIVE}`), 'publicUsed')
      .where(`s.institutionId = :institutionId AND s.date = :onDate AND s.status = 'open'`)
      .setParameters({ institutionId, onDate: date })
      .getRawOne<Record<keyof SlotFigures, string>>();
    return numbers(row!);
  }

  async bedFigures(institutionId: string, date: string): Promise<BedFigures> {
    const row = await this.uow
      .manager()
      .createQueryBuilder(BedOrmEntity, 'b')
      .innerJoin('b.ward', 'w')
      .select('count(*)', 'beds')
      .addSelect(`count(*) FILTER (WHERE b.pool = 'reserved')`, 'reservedBeds')
      .addSelect(
        `count(*) FILTER (WHERE b.pool = 'reserved' AND b.admissionId IS NOT NULL)`,
        'reservedOccupied',
      )
      .addSelect(`count(*) FILTER (WHERE b.pool = 'public' AND b.admissionId IS NOT NULL)`, 'publicOccupied')
      .addSelect(
        (query) =>
          query
            .subQuery()
            .select('count(*)')
            .from(AdmissionOrmEntity, 'a')
            .where(`a.institutionId = :institutionId AND a.referralId <> ''`)
            // Requested on the local date of the clinics, whatever the session's time zone.
            .andWhere('CAST(a.requestedAt AT TIME ZONE :zone AS date) = :onDate'),
        'referralAdmissions',
      )
      .where('w.institutionId = :institutionId')
      .setParameters({ institutionId, onDate: date, zone: CLINIC_TIME_ZONE })
      .getRawOne<Record<keyof BedFigures, string>>();
    return numbers(row!);
  }

  async hospitalsOn(date: string): Promise<{ institutionId: string; groupId: string }[]> {
    const withSessions = await this.uow
      .manager()
      .createQueryBuilder(ClinicSessionOrmEntity, 's')
      .select('s.institutionId', 'institutionId')
      .addSelect('s.groupId', 'groupId')
      .distinct(true)
      .where(`s.date = :onDate AND s.status = 'open'`, { onDate: date })
      .getRawMany<{ institutionId: string; groupId: string }>();
    const withWards = await this.uow
      .manager()
      .createQueryBuilder(WardOrmEntity, 'w')
      .select('w.institutionId', 'institutionId')
      .addSelect('w.groupId', 'groupId')
      .distinct(true)
      .getRawMany<{ institutionId: string; groupId: string }>();
    const hospitals = new Map(
      [...withSessions, ...withWards].map((h) => [`${h.institutionId}:${h.groupId}`, h] as const),
    );
    return [...hospitals.values()].map((h) => ({ institutionId: h.institutionId, groupId: h.groupId }));
  }
}

/** PostgreSQL answers count(*) and sum() as text (bigint, numeric). */
function numbers<K extends string>(row: Record<K, string>): Record<K, number> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Record<
    K,
    number
  >;
}
