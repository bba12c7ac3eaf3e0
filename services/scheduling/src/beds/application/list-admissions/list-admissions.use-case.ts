import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type PageKey, pageOf } from '@medgrid/kernel';
import { canManage, requireAllowed } from '../../../common/scheduling-access.policy';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { type AdmissionSnapshot, type AdmissionStatus } from '../../domain/admission';
import { BedRepository } from '../../domain/bed.repository';
import { type ListAdmissionsQuery } from './list-admissions.query';

const ACTIVE: readonly AdmissionStatus[] = ['requested', 'admitted'];

const queueKey = (a: AdmissionSnapshot): PageKey => [a.queueRank, a.requestedAt.toISOString(), a.id];

export interface AdmissionPage {
  readonly admissions: AdmissionSnapshot[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/**
 * ListAdmissions: a ward's admissions in queue order, every one on the page
 * audited; only the ward's hospital (and those above it) sees the list.
 */
@Injectable()
export class ListAdmissionsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: ListAdmissionsQuery): Promise<AdmissionPage> {
    const { page } = query;
    return this.uow.run(async () => {
      const ward = await this.beds.viewWard(query.wardId);
      if (!ward) throw new BedError(BedErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canManage(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'list this ward',
      );
      const rows = await this.beds.listAdmissions({
        wardId: ward.id,
        statuses: query.status ? [query.status] : ACTIVE,
        after: page.after,
        limit: page.limit,
      });
      const { items, nextPageToken } = pageOf(rows, page, queueKey);
      await this.audit.recordReads(
        identity,
        items.map((a) => ({ kind: 'admission', id: a.id })),
        query.purpose,
      );
      return { admissions: items, nextPageToken };
    });
  }
}
