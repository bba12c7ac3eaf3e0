import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type SettlementPeriod } from '../../../common/domain/effective-period';
import { type EncounterKind, type InstitutionLevel } from '../../../common/domain/insurance';
import { type Fen } from '../../../common/domain/money';
import { ClaimsToSettle, type PeriodFigures } from '../../domain/claims-to-settle';

interface FiguresRow {
  institution_id: string;
  institution_level: string;
  encounter: string;
  disease_group: string | null;
  referred: boolean;
  claims: string;
  fund: string;
  patient: string;
  waived: string;
  bed_days: string;
  checksum: string;
}

/** A run's aggregate may read a city's month: give it as long as it needs (the run's transaction, not a request). */
export const SETTLEMENT_STATEMENT_TIMEOUT = '1h';
/** Parallel workers for the aggregate's scan (PostgreSQL's own limit, max_parallel_workers, still applies). */
export const SETTLEMENT_PARALLEL_WORKERS = 2;

/** Whole fen as a number, refused past 2^53 (a month's sum of one group's row never comes near). */
function safe(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`${what} ${value} is beyond a safe integer`);
  return n;
}

/**
 * The group's claims of the period by their version in force, summed in one statement over the claim rows (each
 * carries its version in force's figures, written by intake, so there is no join and no jsonb): grouped by
 * institution, level, encounter, disease group and referral, with the count and an order-free checksum of the
 * claim versions counted. Run in the settling transaction with parallel workers and a long statement timeout set
 * for it alone (SET LOCAL).
 */
@Injectable()
export class ClaimsToSettleTypeormRepository extends ClaimsToSettle {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async figuresInForce(groupId: string, period: SettlementPeriod): Promise<PeriodFigures> {
    const db = this.uow.transactionalManager();
    await db.query(`SET LOCAL statement_timeout = '${SETTLEMENT_STATEMENT_TIMEOUT}'`);
    await db.query(`SET LOCAL max_parallel_workers_per_gather = ${SETTLEMENT_PARALLEL_WORKERS}`);
    const rows = await queryNamed<FiguresRow>(
      db,
      `SELECT institution_id, institution_level, encounter, disease_group, referred,
              count(*) AS claims, sum(fund) AS fund, sum(patient) AS patient, sum(waived) AS waived,
              sum(bed_days) AS bed_days,
              bit_xor(uuid_hash_extended(id, current_version)) AS checksum
         FROM claim
        WHERE group_id = :groupId AND service_date >= :from::date AND service_date < :until::date
        GROUP BY institution_id, institution_level, encounter, disease_group, referred
        ORDER BY institution_id, institution_level, encounter, disease_group NULLS FIRST, referred`,
      { groupId, from: period.from, until: period.until },
    );
    let claims = 0;
    let checksum = 0n;
    const figures = rows.map((r) => {
      const count = safe(r.claims, 'claims');
      claims += count;
      checksum ^= BigInt.asUintN(64, BigInt(r.checksum));
      return {
        institutionId: r.institution_id,
        level: r.institution_level as InstitutionLevel,
        encounter: r.encounter as EncounterKind,
        diseaseGroup: r.disease_group,
        referred: r.referred,
        claims: count,
        fund: safe(r.fund, 'fund') as Fen,
        patient: safe(r.patient, 'patient') as Fen,
        waived: safe(r.waived, 'waived') as Fen,
        bedDays: safe(r.bed_days, 'bed days'),
      };
    });
    return { rows: figures, counted: { claims, checksum: checksum.toString(16).padStart(16, '0') } };
  }
}
