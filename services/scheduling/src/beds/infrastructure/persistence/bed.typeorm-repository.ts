import { Injectable } from '@nestjs/common';
import { mapUniqueViolations, queryNamed, UnitOfWork } from '@medgrid/database';
import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { type Pool } from '../../../booking/domain/pool';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { type AdmissionSnapshot, type AdmissionStatus } from '../../domain/admission';
import { type AdmissionCursor, BedRepository } from '../../domain/bed.repository';
import { type BedPlan, type WardSnapshot, type WardView } from '../../domain/ward';
import { admissionFromEntity, admissionToEntity } from './admission.mapper';
import { AdmissionOrmEntity } from './admission.orm-entity';
import { BedOrmEntity } from './bed.orm-entity';
import { bedToEntity, wardToEntity, wardViewFromEntity } from './ward.mapper';
import { WardOrmEntity } from './ward.orm-entity';

/** The free beds of a pool of the ward on alias `w`, as a scalar subquery. */
function freeBeds(pool: Pool) {
  return (query: SelectQueryBuilder<WardOrmEntity>) =>
    query
      .subQuery()
      .select('count(*)')
      .from(BedOrmEntity, 'b')
      // The outer alias is named by its column: a subquery does not know the outer entity.
      .where(`b.wardId = w.id AND b.pool = '${pool}' AND b.admissionId IS NULL`);
}

/** ward, bed (one row per bed, claimed with SKIP LOCKED) and admission; joins the current UnitOfWork transaction. */
@Injectable()
export class BedTypeormRepository extends BedRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db(): EntityManager {
    return this.uow.manager();
  }

  async insertWard(ward: WardSnapshot, beds: readonly BedPlan[]): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(WardOrmEntity, wardToEntity(ward)), {
      ward_name_uq: () =>
        new BedError(BedErrorCode.WardNameTaken, 'the hospital already has a ward of this name', 'name'),
    });
    if (beds.length > 0)
      await this.db.insert(
        BedOrmEntity,
        beds.map((bed) => bedToEntity(ward.id, bed)),
      );
  }

  async viewWard(id: string): Promise<WardView | null> {
    const { entities, raw } = await this.db
      .createQueryBuilder(WardOrmEntity, 'w')
      .addSelect(freeBeds('reserved'), 'free_reserved')
      .addSelect(freeBeds('public'), 'free_public')
      .where('w.id = :id', { id })
      .getRawAndEntities<{ free_reserved: string; free_public: string }>();
    const [ward] = entities;
    const [counts] = raw;
    if (!ward || !counts) return null;
    return wardViewFromEntity(ward, {
      reserved: Number(counts.free_reserved),
      public: Number(counts.free_public),
    });
  }

  async insertAdmission(admission: AdmissionSnapshot): Promise<void> {
    await mapUniqueViolations(() => this.db.insert(AdmissionOrmEntity, admissionToEntity(admission)), {
      admission_patient_active_uq: () =>
        new BedError(
          BedErrorCode.AlreadyAdmitted,
          'the patient already waits for a bed or lies in one',
          'patientResidentId',
        ),
    });
  }

  async findAdmission(id: string, lock: boolean): Promise<AdmissionSnapshot | null> {
    const row = await this.db.findOne(AdmissionOrmEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? admissionFromEntity(row) : null;
  }

  async updateAdmission(admission: AdmissionSnapshot, readVersion: number): Promise<void> {
    const { id, ...row } = admissionToEntity(admission);
    const { affected } = await this.db.update(AdmissionOrmEntity, { id, version: readVersion }, row);
    if (affected !== 1) {
      throw new BedError(
        BedErrorCode.VersionConflict,
        `the admission ${id} changed since it was read at version ${readVersion}; read it again`,
      );
    }
  }

  async claimBed(
    wardId: string,
    pools: readonly Pool[],
    admissionId: string,
  ): Promise<{ bedCode: string; pool: Pool } | null> {
    // One statement: the first free bed of the preferred pool that no concurrent assignment holds.
    const [row] = await queryNamed<{ bed_code: string; pool: Pool }>(
      this.db,
      `UPDATE bed SET admission_id = :admissionId
        WHERE (ward_id, bed_code) = (
          SELECT ward_id, bed_code FROM bed
           WHERE ward_id = :wardId AND pool = ANY(:pools::text[]) AND admission_id IS NULL
           ORDER BY array_position(:pools::text[], pool), sort_order LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING bed_code, pool`,
      { wardId, pools: [...pools], admissionId },
    );
    return row ? { bedCode: row.bed_code, pool: row.pool } : null;
  }

  async freeBed(wardId: string, admissionId: string): Promise<void> {
    await this.db.update(BedOrmEntity, { wardId, admissionId }, { admissionId: null });
  }

  async listAdmissions(q: {
    wardId: string;
    statuses: readonly AdmissionStatus[];
    after: AdmissionCursor | null;
    limit: number;
  }): Promise<AdmissionSnapshot[]> {
    const query = this.db
      .createQueryBuilder(AdmissionOrmEntity, 'a')
      .where('a.wardId = :wardId', { wardId: q.wardId })
      .andWhere('a.status = ANY(:statuses)', { statuses: [...q.statuses] });
    if (q.after) {
      query.andWhere('(a.queueRank, a.requestedAt, a.id) > (:afterRank, :afterRequestedAt, :afterId::uuid)', {
        afterRank: q.after.queueRank,
        afterRequestedAt: q.after.requestedAt,
        afterId: q.after.id,
      });
    }
    const rows = await query
      .orderBy('a.queueRank', 'ASC')
      .addOrderBy('a.requestedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(q.limit)
      .getMany();
    return rows.map(admissionFromEntity);
  }
}
