import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks, isUuid } from '@medgrid/errors';
import { decodePageToken, encodePageToken } from '@medgrid/kernel';
import { canManage, requireAllowed } from '../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { type AdmissionSnapshot, type AdmissionStatus } from '../domain/admission';
import { type AdmissionCursor, BedRepository } from '../domain/bed.repository';
import { canSeeAdmission } from './admission-access';

const ACTIVE: readonly AdmissionStatus[] = ['requested', 'admitted'];

function decodeCursor(token: string): AdmissionCursor | null {
  const key = decodePageToken(token, 3);
  if (!key) return null;
  const [queueRank, at, id] = key;
  const requestedAt = new Date(String(at));
  return Number.isInteger(queueRank) &&
    (queueRank as number) >= 0 &&
    (queueRank as number) <= 3 &&
    !Number.isNaN(requestedAt.getTime()) &&
    isUuid(String(id))
    ? { queueRank: queueRank as number, requestedAt, id: String(id) }
    : null;
}

const encodeCursor = (a: AdmissionSnapshot): string =>
  encodePageToken([a.queueRank, a.requestedAt.toISOString(), a.id]);

/** GetAdmission and ListAdmissions: reads of patient data, audited before they leave. */
@Injectable()
export class AdmissionQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly audit: AuditTrail,
  ) {}

  admission(
    identity: Identity,
    admissionId: string,
    purpose = 'admission look-up',
  ): Promise<AdmissionSnapshot> {
    new FieldChecks().uuid('admissionId', admissionId).throwIfAny();
    return this.uow.run(async () => {
      const admission = await this.beds.findAdmission(admissionId.toLowerCase(), false);
      if (!admission) {
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no admission with this id', 'admissionId');
      }
      requireAllowed(canSeeAdmission(identity, admission), 'see this admission');
      await this.audit.recordRead(identity, { kind: 'admission', id: admission.id }, purpose);
      return admission;
    });
  }

  /** A ward's admissions in queue order; only the ward's hospital (and those above it) sees the list. */
  list(
    identity: Identity,
    q: { wardId: string; status: AdmissionStatus | undefined | null; pageSize: number; pageToken: string },
    purpose = 'ward admission list',
  ): Promise<{ admissions: AdmissionSnapshot[]; nextPageToken: string }> {
    const after = q.pageToken ? decodeCursor(q.pageToken) : null;
    new FieldChecks()
      .uuid('wardId', q.wardId)
      .check('status', q.status !== null, 'INVALID_VALUE', 'is not an admission status')
      .check(
        'pageSize',
        Number.isInteger(q.pageSize) && q.pageSize >= 0 && q.pageSize <= 200,
        'OUT_OF_RANGE',
        'must be 0 (50) to 200',
      )
      .check('pageToken', !q.pageToken || after !== null, 'INVALID_FORMAT', 'is not a token from this list')
      .throwIfAny();
    const limit = q.pageSize || 50;
    return this.uow.run(async () => {
      const ward = await this.beds.viewWard(q.wardId.toLowerCase());
      if (!ward) throw new SchedulingError(SchedulingErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canManage(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'list this ward',
      );
      const rows = await this.beds.listAdmissions({
        wardId: ward.id,
        statuses: q.status ? [q.status] : ACTIVE,
        after,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      await this.audit.recordReads(
        identity,
        page.map((a) => ({ kind: 'admission', id: a.id })),
        purpose,
      );
      return {
        admissions: page,
        nextPageToken: rows.length > limit ? encodeCursor(page[page.length - 1]!) : '',
      };
    });
  }
}
