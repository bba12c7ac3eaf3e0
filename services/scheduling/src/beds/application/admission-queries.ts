import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks, isUuid } from '@medgrid/errors';
import { type PageKey, pageOf, pageRequest, type PageRules } from '@medgrid/kernel';
import { canManage, requireAllowed } from '../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { type AdmissionSnapshot, type AdmissionStatus } from '../domain/admission';
import { type AdmissionCursor, BedRepository } from '../domain/bed.repository';
import { canSeeAdmission } from './admission-access';

const ACTIVE: readonly AdmissionStatus[] = ['requested', 'admitted'];

/** A ward's queue pages by rank, time of request, then id: 50 admissions unless asked, at most 200. */
const QUEUE_PAGES: PageRules<AdmissionCursor> = {
  max: 200,
  default: 50,
  keyLength: 3,
  cursor: ([queueRank, at, id]) => {
    const requestedAt = new Date(String(at));
    return Number.isInteger(queueRank) &&
      (queueRank as number) >= 0 &&
      (queueRank as number) <= 3 &&
      !Number.isNaN(requestedAt.getTime()) &&
      isUuid(String(id))
      ? { queueRank: queueRank as number, requestedAt, id: String(id) }
      : null;
  },
};

const queueKey = (a: AdmissionSnapshot): PageKey => [a.queueRank, a.requestedAt.toISOString(), a.id];

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
    const page = pageRequest(q, QUEUE_PAGES);
    new FieldChecks()
      .uuid('wardId', q.wardId)
      .check('status', q.status !== null, 'INVALID_VALUE', 'is not an admission status')
      .addAll(page.problems)
      .throwIfAny();
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
        after: page.after,
        limit: page.limit,
      });
      const { items, nextPageToken } = pageOf(rows, page, queueKey);
      await this.audit.recordReads(
        identity,
        items.map((a) => ({ kind: 'admission', id: a.id })),
        purpose,
      );
      return { admissions: items, nextPageToken };
    });
  }
}
