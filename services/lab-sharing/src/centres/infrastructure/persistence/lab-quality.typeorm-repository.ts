import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { type LabQuality, LabQualityRecord, NO_QUALITY_SHOWN, qualityAt } from '../../domain/lab-quality';
import { LabQualityRepository } from '../../domain/lab-quality.repository';
import { labQualityRecordFromEntity, labQualityRecordToEntity } from './lab-quality-record.mapper';
import { LabQualityRecordOrmEntity } from './lab-quality-record.orm-entity';

/** lab_quality_record; joins the current UnitOfWork transaction. */
@Injectable()
export class LabQualityTypeormRepository extends LabQualityRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async qualityOf(institutionId: string, at: Date): Promise<LabQuality> {
    return (await this.qualitiesOf([institutionId], at)).get(institutionId) ?? NO_QUALITY_SHOWN;
  }

  async qualitiesOf(institutionIds: readonly string[], at: Date): Promise<Map<string, LabQuality>> {
    const ids = [...new Set(institutionIds)];
    const answer = new Map<string, LabQuality>(ids.map((id) => [id, NO_QUALITY_SHOWN]));
    if (ids.length === 0) return answer;
    // Only the records in force at `at`: the index on (institution_id, valid_until) finds them.
    const rows = await this.db.findBy(LabQualityRecordOrmEntity, {
      institutionId: In(ids),
      validFrom: LessThanOrEqual(at),
      validUntil: MoreThan(at),
    });
    const byInstitution = new Map<string, LabQualityRecord[]>();
    for (const row of rows) {
      const records = byInstitution.get(row.institutionId) ?? [];
      records.push(LabQualityRecord.restore(labQualityRecordFromEntity(row)));
      byInstitution.set(row.institutionId, records);
    }
    for (const [institutionId, records] of byInstitution) answer.set(institutionId, qualityAt(records, at));
    return answer;
  }

  async qualitiesAt(
    asked: readonly { readonly institutionId: string; readonly at: Date }[],
  ): Promise<LabQuality[]> {
    if (asked.length === 0) return [];
    // An institution has a handful of records (one accreditation cycle, a yearly assessment): all of them, once.
    const rows = await this.db.findBy(LabQualityRecordOrmEntity, {
      institutionId: In([...new Set(asked.map((a) => a.institutionId))]),
    });
    const byInstitution = new Map<string, LabQualityRecord[]>();
    for (const row of rows) {
      const records = byInstitution.get(row.institutionId) ?? [];
      records.push(LabQualityRecord.restore(labQualityRecordFromEntity(row)));
      byInstitution.set(row.institutionId, records);
    }
    return asked.map(({ institutionId, at }) => qualityAt(byInstitution.get(institutionId) ?? [], at));
  }

  async insert(record: LabQualityRecord): Promise<void> {
    await this.db.insert(LabQualityRecordOrmEntity, labQualityRecordToEntity(record.snapshot()));
  }

  async findById(id: string): Promise<LabQualityRecord | null> {
    const row = await this.db.findOneBy(LabQualityRecordOrmEntity, { id });
    return row ? LabQualityRecord.restore(labQualityRecordFromEntity(row)) : null;
  }

  async recordsOf(institutionId: string): Promise<LabQualityRecord[]> {
    const rows = await this.db.find(LabQualityRecordOrmEntity, {
      where: { institutionId },
      order: { validUntil: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => LabQualityRecord.restore(labQualityRecordFromEntity(row)));
  }
}
