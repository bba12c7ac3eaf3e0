import { Injectable } from '@nestjs/common';
import { changedRows, mapUniqueViolations, UnitOfWork } from '@medgrid/database';
import { type Pool } from '../../booking/domain/pool';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { type AdmissionSnapshot, type AdmissionStatus } from '../domain/admission';
import { type AdmissionCursor, BedRepository } from '../domain/bed.repository';
import { type BedPlan, type WardSnapshot, type WardView } from '../domain/ward';

interface WardRow {
  id: string;
  institution_id: string;
  group_id: string;
  department_id: string;
  specialty_code: string;
  name: string;
  bed_count: number;
  reserved_beds: number;
  free_reserved: string;
  free_public: string;
}

interface AdmissionRow {
  id: string;
  ward_id: string;
  institution_id: string;
  group_id: string;
  patient_resident_id: string;
  referral_id: string;
  requested_by_institution_id: string;
  priority_contracted: boolean;
  priority_fee_waived: boolean;
  priority_green_channel: boolean;
  queue_rank: number;
  status: AdmissionStatus;
  bed_code: string;
  pool: Pool | null;
  requested_at: Date;
  admitted_at: Date | null;
  discharged_at: Date | null;
  cancel_reason: string;
  version: number;
}

function toAdmission(r: AdmissionRow): AdmissionSnapshot {
  return {
    id: r.id,
    wardId: r.ward_id,
    institutionId: r.institution_id,
    groupId: r.group_id,
    patientResidentId: r.patient_resident_id,
    referralId: r.referral_id,
    requestedByInstitutionId: r.requested_by_institution_id,
    priority: {
      contractedResident: r.priority_contracted,
      consultationFeeWaived: r.priority_fee_waived,
      greenChannel: r.priority_green_channel,
    },
    queueRank: r.queue_rank,
    status: r.status,
    bedCode: r.bed_code,
    pool: r.pool,
    requestedAt: r.requested_at,
    admittedAt: r.admitted_at,
    dischargedAt: r.discharged_at,
    cancelReason: r.cancel_reason,
    version: r.version,
  };
}

/** ward, bed (one row per bed, claimed with SKIP LOCKED) and admission. */
@Injectable()
export class BedSqlRepository extends BedRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get db() {
    return this.uow.manager();
  }

  async insertWard(w: WardSnapshot, beds: readonly BedPlan[]): Promise<void> {
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO ward (id, institution_id, group_id, department_id, specialty_code, name, bed_count, reserved_beds)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            w.id,
            w.institutionId,
            w.groupId,
            w.departmentId,
            w.specialtyCode,
            w.name,
            w.bedCount,
            w.reservedBeds,
          ],
        ),
      {
        ward_name_uq: () =>
          new SchedulingError(
            SchedulingErrorCode.WardNameTaken,
            'the hospital already has a ward of this name',
            'name',
          ),
      },
    );
    await this.db.query(
      `INSERT INTO bed (ward_id, bed_code, sort_order, pool)
       SELECT $1, b.code, b.sort_order, b.pool FROM unnest($2::text[], $3::int[], $4::text[]) AS b(code, sort_order, pool)`,
      [w.id, beds.map((b) => b.bedCode), beds.map((b) => b.sortOrder), beds.map((b) => b.pool)],
    );
  }

  async viewWard(id: string): Promise<WardView | null> {
    const [row] = await this.db.query<WardRow[]>(
      `SELECT w.*,
              (SELECT count(*) FROM bed b WHERE b.ward_id = w.id AND b.pool = 'reserved' AND b.admission_id IS NULL) AS free_reserved,
              (SELECT count(*) FROM bed b WHERE b.ward_id = w.id AND b.pool = 'public' AND b.admission_id IS NULL) AS free_public
         FROM ward w WHERE w.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      institutionId: row.institution_id,
      groupId: row.group_id,
      departmentId: row.department_id,
      specialtyCode: row.specialty_code,
      name: row.name,
      bedCount: row.bed_count,
      reservedBeds: row.reserved_beds,
      freeReserved: Number(row.free_reserved),
      freePublic: Number(row.free_public),
    };
  }

  async insertAdmission(a: AdmissionSnapshot): Promise<void> {
    await mapUniqueViolations(
      () =>
        this.db.query(
          `INSERT INTO admission (id, ward_id, institution_id, group_id, patient_resident_id, referral_id,
             requested_by_institution_id, priority_contracted, priority_fee_waived, priority_green_channel,
             queue_rank, status, bed_code, pool, requested_at, admitted_at, discharged_at, cancel_reason, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
          [
            a.id,
            a.wardId,
            a.institutionId,
            a.groupId,
            a.patientResidentId,
            a.referralId,
            a.requestedByInstitutionId,
            a.priority.contractedResident,
            a.priority.consultationFeeWaived,
            a.priority.greenChannel,
            a.queueRank,
            a.status,
            a.bedCode,
            a.pool,
            a.requestedAt,
            a.admittedAt,
            a.dischargedAt,
            a.cancelReason,
            a.version,
          ],
        ),
      {
        admission_patient_active_uq: () =>
          new SchedulingError(
            SchedulingErrorCode.AlreadyAdmitted,
            'the patient already waits for a bed or lies in one',
            'patientResidentId',
          ),
      },
    );
  }

  async findAdmission(id: string, lock: boolean): Promise<AdmissionSnapshot | null> {
    const [row] = await this.db.query<AdmissionRow[]>(
      `SELECT * FROM admission WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toAdmission(row) : null;
  }

  async updateAdmission(a: AdmissionSnapshot): Promise<void> {
    await this.db.query(
      `UPDATE admission SET status = $2, bed_code = $3, pool = $4, admitted_at = $5, discharged_at = $6,
         cancel_reason = $7, version = $8
       WHERE id = $1`,
      [a.id, a.status, a.bedCode, a.pool, a.admittedAt, a.dischargedAt, a.cancelReason, a.version],
    );
  }

  async claimBed(
    wardId: string,
    pools: readonly Pool[],
    admissionId: string,
  ): Promise<{ bedCode: string; pool: Pool } | null> {
    // One statement: the first free bed of the preferred pool that no concurrent assignment holds.
    const [row] = await changedRows<{ bed_code: string; pool: Pool }>(
      this.db,
      `UPDATE bed SET admission_id = $3
        WHERE (ward_id, bed_code) = (
          SELECT ward_id, bed_code FROM bed
           WHERE ward_id = $1 AND pool = ANY($2::text[]) AND admission_id IS NULL
           ORDER BY array_position($2::text[], pool), sort_order LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING bed_code, pool`,
      [wardId, pools, admissionId],
    );
    return row ? { bedCode: row.bed_code, pool: row.pool } : null;
  }

  async freeBed(wardId: string, admissionId: string): Promise<void> {
    await this.db.query(`UPDATE bed SET admission_id = NULL WHERE ward_id = $1 AND admission_id = $2`, [
      wardId,
      admissionId,
    ]);
  }

  async listAdmissions(q: {
    wardId: string;
    statuses: readonly AdmissionStatus[];
    after: AdmissionCursor | null;
    limit: number;
  }): Promise<AdmissionSnapshot[]> {
    const rows = await this.db.query<AdmissionRow[]>(
      `SELECT * FROM admission
        WHERE ward_id = $1 AND status = ANY($2::text[])
          AND ($3::smallint IS NULL OR (queue_rank, requested_at, id) > ($3, $4::timestamptz, $5::uuid))
        ORDER BY queue_rank, requested_at, id LIMIT $6`,
      [
        q.wardId,
        q.statuses,
        q.after?.queueRank ?? null,
        q.after?.requestedAt ?? null,
        q.after?.id ?? null,
        q.limit,
      ],
    );
    return rows.map(toAdmission);
  }
}
