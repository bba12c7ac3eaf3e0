import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { requireAllowed } from '../../../common/scheduling-access.policy';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { type AdmissionSnapshot } from '../../domain/admission';
import { BedRepository } from '../../domain/bed.repository';
import { canSeeAdmission } from '../admission-access';
import { type GetAdmissionQuery } from './get-admission.query';

/** GetAdmission: the admission, audited before it leaves. */
@Injectable()
export class GetAdmissionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(identity: Identity, query: GetAdmissionQuery): Promise<AdmissionSnapshot> {
    return this.uow.run(async () => {
      const admission = await this.beds.findAdmission(query.admissionId, false);
      if (!admission) {
        throw new BedError(BedErrorCode.NotFound, 'no admission with this id', 'admissionId');
      }
      requireAllowed(canSeeAdmission(identity, admission), 'see this admission');
      await this.audit.recordRead(identity, { kind: 'admission', id: admission.id }, query.purpose);
      return admission;
    });
  }
}
