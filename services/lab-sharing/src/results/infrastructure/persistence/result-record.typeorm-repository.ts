import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type RecognitionCandidate } from '../../../recognition/domain/already-done';
import { ResultRecord, type ResultRecordSnapshot } from '../../domain/result-record';
import {
  type PatientResultsFilter,
  type ResultCursor,
  ResultRecordRepository,
} from '../../domain/result-record.repository';
import { ResultsError, ResultsErrorCode } from '../../domain/results-error';
import { resultFromEntity, resultToEntity } from './result-record.mapper';
import { ResultRecordOrmEntity } from './result-record.orm-entity';

/** result_record; joins the current UnitOfWork transaction. */
@Injectable()
export class ResultRecordTypeormRepository extends ResultRecordRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insert(record: ResultRecord): Promise<void> {
    await this.uow
      .manager()
      .createQueryBuilder()
      .insert()
      .into(ResultRecordOrmEntity)
      .values(resultToEntity(record.snapshot()))
      .updateEntity(false)
      .execute();
  }

  find(id: string, lock: boolean): Promise<ResultRecord | null> {
    return this.findOne({ id }, lock);
  }

  findByReport(reportId: string, lock: boolean): Promise<ResultRecord | null> {
    return this.findOne({ reportId }, lock);
  }

  async update(record: ResultRecord, readVersion: number): Promise<void> {
    const row = resultToEntity(record.snapshot());
    const { affected } = await this.uow
      .transactionalManager()
      .update(ResultRecordOrmEntity, { id: row.id, version: readVersion }, row);
    if (affected !== 1) {
      throw new ResultsError(
        ResultsErrorCode.StaleReportVersion,
        `result ${row.id} changed since it was read (version ${readVersion})`,
      );
    }
  }

  async candidatesFor(
    patientResidentId: string,
    itemCode: string,
    performedSince: Date,
    limit: number,
  ): Promise<RecognitionCandidate[]> {
    // Every column read is in result_record_recognition_idx: an index-only scan of the patient's item.
    const rows = await queryNamed<{
      id: string;
      performed_at: Date;
      performer_institution_id: string;
      performer_group_id: string | null;
      performer_region_id: string | null;
      performer_accredited: boolean;
      performer_quality_control_passed: boolean;
    }>(
      this.uow.manager(),
      `SELECT id, performed_at, performer_institution_id, performer_group_id, performer_region_id,
              performer_accredited, performer_quality_control_passed
         FROM result_record
        WHERE patient_resident_id = :patientResidentId AND item_code = :itemCode
          AND status <> 'entered-in-error' AND performed_at > :performedSince
        ORDER BY performed_at DESC
        LIMIT :limit`,
      { patientResidentId, itemCode, performedSince, limit },
      { prepared: true }, // every "already done?" look-up runs it
    );
    return rows.map((row) => ({
      resultId: row.id,
      itemCode,
      performedAt: row.performed_at,
      performingInstitutionId: row.performer_institution_id,
      performingGroupId: row.performer_group_id,
      performingRegionId: row.performer_region_id,
      quality: {
        accredited: row.performer_accredited,
        qualityControlPassed: row.performer_quality_control_passed,
      },
      enteredInError: false,
    }));
  }

  async listForPatient(
    filter: PatientResultsFilter,
    after: ResultCursor | null,
    limit: number,
  ): Promise<ResultRecordSnapshot[]> {
    if (filter.groupIds.length === 0) return [];
    const query = this.uow
      .manager()
      .createQueryBuilder(ResultRecordOrmEntity, 'r')
      .where('r.patient_resident_id = :patient', { patient: filter.patientResidentId })
      .andWhere('r.group_id IN (:...groups)', { groups: filter.groupIds });
    if (filter.itemCode !== null) query.andWhere('r.item_code = :item', { item: filter.itemCode });
    if (filter.from !== null) query.andWhere('r.performed_at >= :from', { from: filter.from });
    if (filter.to !== null) query.andWhere('r.performed_at < :to', { to: filter.to });
    if (after !== null) {
      query.andWhere('(r.performed_at, r.id) < (:afterAt, :afterId)', {
        afterAt: after.performedAt,
        afterId: after.id,
      });
    }
    const rows = await query
      .orderBy('r.performed_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map(resultFromEntity);
  }

  private async findOne(where: { id: string } | { reportId: string }, lock: boolean) {
    const row = await (lock ? this.uow.transactionalManager() : this.uow.manager())
      .getRepository(ResultRecordOrmEntity)
      .findOne({ where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return row ? ResultRecord.restore(resultFromEntity(row)) : null;
  }
}
