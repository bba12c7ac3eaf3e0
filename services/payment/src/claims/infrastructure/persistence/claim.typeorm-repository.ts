import { Injectable } from '@nestjs/common';
import { lockForTransaction, queryNamed, UnitOfWork } from '@medgrid/database';
import { type EncounterKind, type Scheme } from '../../../common/domain/insurance';
import { type Fen } from '../../../common/domain/money';
import { type Adjudication, type YearToDate } from '../../domain/adjudication';
import { type ClaimRecord } from '../../domain/claim-record';
import { type ClaimPlacement, ClaimRepository, type StoredClaim } from '../../domain/claim.repository';
import { type OutpatientTally } from '../../domain/first-contact-statistics';
import { type InstitutionLevel } from '../../../common/domain/insurance';
import {
  claimFiguresToColumns,
  claimToEntity,
  storedClaimFromEntities,
  versionToEntity,
} from './claim.mapper';
import { ClaimOrmEntity } from './claim.orm-entity';
import { ClaimVersionOrmEntity } from './claim-version.orm-entity';

/** claim (one per institution and number, the version in force) and claim_version (every version, adjudicated). */
@Injectable()
export class ClaimTypeormRepository extends ClaimRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async lockNumber(institutionId: string, claimNumber: string): Promise<void> {
    await lockForTransaction(
      this.uow.transactionalManager(),
      `payment-claim:${institutionId}:${claimNumber}`,
    );
  }

  async lockResidentYear(residentId: string, year: string): Promise<void> {
    await lockForTransaction(this.uow.transactionalManager(), `payment-resident-year:${residentId}:${year}`);
  }

  async findByNumber(institutionId: string, claimNumber: string): Promise<StoredClaim | null> {
    const claim = await this.uow.manager().findOneBy(ClaimOrmEntity, { institutionId, claimNumber });
    return claim ? this.withVersions(claim) : null;
  }

  async find(id: string): Promise<StoredClaim | null> {
    const claim = await this.uow.manager().findOneBy(ClaimOrmEntity, { id });
    return claim ? this.withVersions(claim) : null;
  }

  async yearToDate(
    residentId: string,
    scheme: Scheme,
    encounter: EncounterKind,
    year: string,
    exceptClaimId: string | null,
  ): Promise<YearToDate> {
    const [row] = await queryNamed<{ deductible: string; fund: string }>(
      this.uow.manager(),
      `SELECT coalesce(sum(v.deductible), 0) AS deductible, coalesce(sum(v.fund), 0) AS fund
         FROM claim c
         JOIN claim_version v ON v.claim_id = c.id AND v.version = c.current_version
        WHERE c.resident_id = :residentId
          AND v.scheme = :scheme
          AND v.encounter = :encounter
          AND v.service_date >= :yearStart::date
          AND v.service_date < :yearEnd::date
          AND c.id IS DISTINCT FROM :exceptClaimId::uuid`,
      {
        residentId,
        scheme,
        encounter,
        yearStart: `${year}-01-01`,
        yearEnd: `${Number(year) + 1}-01-01`,
        exceptClaimId,
      },
    );
    return { deductiblePaid: Number(row?.deductible ?? 0) as Fen, fundPaid: Number(row?.fund ?? 0) as Fen };
  }

  async outpatientTallies(range: {
    from: string;
    until: string;
    groupId: string | null;
  }): Promise<OutpatientTally[]> {
    // claim carries the version in force's date, level and encounter, so the count needs no join; a group's range
    // is read through claim_settlement_idx (group_id, service_date).
    const rows = await queryNamed<{
      institution_id: string;
      group_id: string | null;
      institution_level: InstitutionLevel;
      referred: boolean;
      visits: string;
    }>(
      this.uow.manager(),
      `SELECT institution_id, group_id, institution_level, referred, count(*) AS visits
         FROM claim
        WHERE encounter = 'outpatient'
          AND service_date >= :from::date
          AND service_date < :until::date
          AND (:groupId::uuid IS NULL OR group_id = :groupId::uuid)
        GROUP BY institution_id, group_id, institution_level, referred`,
      range,
    );
    return rows.map((row) => ({
      institutionId: row.institution_id,
      groupId: row.group_id,
      level: row.institution_level,
      referred: row.referred,
      visits: Number(row.visits),
    }));
  }

  async save(record: ClaimRecord, placement: ClaimPlacement, adjudication: Adjudication): Promise<void> {
    const db = this.uow.transactionalManager();
    const current = record.current;
    if (current.version === 1) {
      await db.insert(ClaimOrmEntity, claimToEntity(record, placement, adjudication));
    } else {
      const { affected } = await db.update(
        ClaimOrmEntity,
        { id: record.id, currentVersion: current.version - 1 },
        { currentVersion: current.version, ...claimFiguresToColumns(current, adjudication) },
      );
      if (affected !== 1) throw new Error(`claim ${record.id} is not at version ${current.version - 1}`);
    }
    await db.insert(ClaimVersionOrmEntity, versionToEntity(record.id, current, adjudication));
  }

  private async withVersions(claim: ClaimOrmEntity): Promise<StoredClaim> {
    const versions = await this.uow.manager().find(ClaimVersionOrmEntity, {
      where: { claimId: claim.id },
      order: { version: 'ASC' },
    });
    return storedClaimFromEntities(claim, versions);
  }
}
