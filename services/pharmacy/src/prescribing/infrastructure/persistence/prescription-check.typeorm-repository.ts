import { Injectable } from '@nestjs/common';
import { type AtomicInserts, queryNamed, UnitOfWork } from '@medgrid/database';
import { type NewPrescriptionChecks } from '../../application/new-prescription-checks';
import {
  type TallyScope,
  PrescriptionCheckRecordRepository,
} from '../../domain/prescription-check-record.repository';
import { type InstitutionTally } from '../../domain/prescribing-statistics';
import { type PrescriptionCheckRecord } from '../../domain/prescription-record';
import { PrescriptionCheckOrmEntity } from './prescription-check.orm-entity';

export function recordToEntity(record: PrescriptionCheckRecord): PrescriptionCheckOrmEntity {
  const { tally } = record;
  return {
    id: record.id,
    groupId: record.groupId,
    institutionId: record.institutionId,
    prescriberSubject: record.prescriberSubject,
    prescriberRole: record.prescriberRole,
    practitionerId: record.practitionerId,
    patientResidentId: record.patientResidentId,
    checkedAt: record.checkedAt,
    outcome: record.outcome,
    lines: [...record.lines],
    cataloguedLines: tally.lines,
    essentialLines: tally.essentialLines,
    volumeBasedLines: tally.volumeBasedLines,
    amountFen: String(tally.amountFen),
    essentialAmountFen: String(tally.essentialAmountFen),
    volumeBasedAmountFen: String(tally.volumeBasedAmountFen),
    longAccepted: tally.longAccepted,
    longCapped: tally.longCapped,
  };
}

/** prescription_check: a check's row staged with its audit row (NewPrescriptionChecks), summed per institution. */
@Injectable()
export class PrescriptionCheckTypeormRepository
  extends PrescriptionCheckRecordRepository
  implements NewPrescriptionChecks
{
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  stage(inserts: AtomicInserts, record: PrescriptionCheckRecord): void {
    inserts.add(PrescriptionCheckOrmEntity, recordToEntity(record));
  }

  async tallies(scope: TallyScope): Promise<InstitutionTally[]> {
    const rows = await queryNamed<Record<string, string>>(
      this.uow.manager(),
      `SELECT institution_id, min(group_id::text) AS group_id, count(*) AS checks,
              sum(catalogued_lines) AS lines, sum(essential_lines) AS essential_lines,
              sum(volume_based_lines) AS volume_based_lines, sum(amount_fen) AS amount_fen,
              sum(essential_amount_fen) AS essential_amount_fen,
              sum(volume_based_amount_fen) AS volume_based_amount_fen,
              sum(long_accepted) AS long_accepted, sum(long_capped) AS long_capped
         FROM prescription_check
        WHERE checked_at >= :from AND checked_at < :until
          AND (:groupId::uuid IS NULL OR group_id = :groupId::uuid)
          AND (:institutionId::uuid IS NULL OR institution_id = :institutionId::uuid)
        GROUP BY institution_id
        ORDER BY institution_id`,
      { from: scope.from, until: scope.until, groupId: scope.groupId, institutionId: scope.institutionId },
    );
    // Sums of integer and bigint columns come back as numeric text; each fits a safe integer.
    return rows.map((row) => ({
      institutionId: row['institution_id']!,
      groupId: row['group_id']!,
      checks: Number(row['checks']),
      lines: Number(row['lines']),
      essentialLines: Number(row['essential_lines']),
      volumeBasedLines: Number(row['volume_based_lines']),
      amountFen: Number(row['amount_fen']),
      essentialAmountFen: Number(row['essential_amount_fen']),
      volumeBasedAmountFen: Number(row['volume_based_amount_fen']),
      longAccepted: Number(row['long_accepted']),
      longCapped: Number(row['long_capped']),
    }));
  }
}
