import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { type Pool } from '../../../booking/domain/pool';
import { SlotHoldRequest, type SlotHoldRequestStatus } from '../../domain/slot-hold-request';
import { SlotHoldRequestRepository } from '../../domain/slot-hold-request.repository';

interface Row {
  id: string;
  referral_id: string;
  group_id: string;
  institution_id: string;
  referring_institution_id: string;
  status: SlotHoldRequestStatus;
  source_event_id: string;
  requested_at: Date;
  updated_at: Date | null;
  patient_resident_id: string;
  department_id: string;
  specialty_code: string;
  priority_contracted: boolean;
  priority_green_channel: boolean;
  pool: Pool | null;
  booking_id: string;
  waitlist_entry_id: string;
  session_id: string;
  version: number;
}

function toRequest(r: Row): SlotHoldRequest {
  return SlotHoldRequest.restore({
    id: r.id,
    referralId: r.referral_id,
    groupId: r.group_id,
    institutionId: r.institution_id,
    referringInstitutionId: r.referring_institution_id,
    status: r.status,
    sourceEventId: r.source_event_id,
    requestedAt: r.requested_at,
    updatedAt: r.updated_at ?? r.requested_at,
    patientResidentId: r.patient_resident_id,
    departmentId: r.department_id,
    specialtyCode: r.specialty_code,
    contractedPriority: r.priority_contracted,
    greenChannel: r.priority_green_channel,
    pool: r.pool,
    bookingId: r.booking_id,
    waitlistEntryId: r.waitlist_entry_id,
    sessionId: r.session_id,
    version: r.version,
  });
}

@Injectable()
export class SlotHoldRequestSqlRepository extends SlotHoldRequestRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async insertIfAbsent(request: SlotHoldRequest): Promise<boolean> {
    const r = request.snapshot();
    const rows = await this.uow.manager().query<unknown[]>(
      `INSERT INTO slot_hold_request (id, referral_id, group_id, institution_id, status, source_event_id,
         requested_at, updated_at, patient_resident_id, department_id, specialty_code, priority_contracted,
         priority_green_channel, pool, booking_id, waitlist_entry_id, session_id, version, referring_institution_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (referral_id) DO NOTHING RETURNING id`,
      [
        r.id,
        r.referralId,
        r.groupId,
        r.institutionId,
        r.status,
        r.sourceEventId,
        r.requestedAt,
        r.updatedAt,
        r.patientResidentId,
        r.departmentId,
        r.specialtyCode,
        r.contractedPriority,
        r.greenChannel,
        r.pool,
        r.bookingId,
        r.waitlistEntryId,
        r.sessionId,
        r.version,
        r.referringInstitutionId,
      ],
    );
    return rows.length > 0;
  }

  async findByReferral(referralId: string, lock: boolean): Promise<SlotHoldRequest | null> {
    const [row] = await this.uow
      .manager()
      .query<Row[]>(`SELECT * FROM slot_hold_request WHERE referral_id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
        referralId,
      ]);
    return row ? toRequest(row) : null;
  }

  async update(request: SlotHoldRequest): Promise<void> {
    const r = request.snapshot();
    await this.uow.manager().query(
      `UPDATE slot_hold_request SET status = $2, updated_at = $3, pool = $4, booking_id = $5,
         waitlist_entry_id = $6, session_id = $7, version = $8 WHERE id = $1`,
      [r.id, r.status, r.updatedAt, r.pool, r.bookingId, r.waitlistEntryId, r.sessionId, r.version],
    );
  }

  async knownReferral(referralId: string) {
    const [row] = await this.uow
      .manager()
      .query<Row[]>(`SELECT * FROM slot_hold_request WHERE referral_id = $1`, [referralId]);
    return row
      ? {
          released: row.status === 'released',
          institutionId: row.institution_id,
          patientResidentId: row.patient_resident_id,
          contractedPriority: row.priority_contracted,
          greenChannel: row.priority_green_channel,
        }
      : null;
  }
}
