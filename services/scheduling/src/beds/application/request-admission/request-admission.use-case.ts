import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { NO_PRIORITY, priorityFor } from '../../../booking/domain/pool';
import { knownReferral } from '../../../holds/application/known-referral';
import { SlotHoldRequestRepository } from '../../../holds/domain/slot-hold-request.repository';
import { canClaimAt, requireAllowed } from '../../../common/scheduling-access.policy';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { Admission, type AdmissionSnapshot } from '../../domain/admission';
import { BedRepository } from '../../domain/bed.repository';
import { canSeeAdmission } from '../admission-access';
import { AdmissionStep } from '../admission-step';
import { type RequestAdmissionCommand } from './request-admission.command';

/**
 * RequestAdmission: the patient joins the ward's queue, ahead of others when a
 * referral scheduling knows brings its priorities. A retry gets the admission
 * its first attempt made.
 */
@Injectable()
export class RequestAdmissionUseCase {
  constructor(
    private readonly beds: BedRepository,
    private readonly holds: SlotHoldRequestRepository,
    private readonly requests: ClientRequests,
    private readonly step: AdmissionStep,
  ) {}

  execute(
    identity: Identity,
    command: RequestAdmissionCommand,
    now = new Date(),
  ): Promise<AdmissionSnapshot> {
    const { patientResidentId: patient, referralId } = command;
    return this.step.commit(async () => {
      const ward = await this.beds.viewWard(command.wardId);
      if (!ward) throw new BedError(BedErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canClaimAt(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'ask for admissions at this hospital',
      );
      return this.requests.createOnce(clientRequestOf('request-admission', command), {
        load: async (earlier) => {
          const found = await this.beds.findAdmission(earlier, false);
          if (found) requireAllowed(canSeeAdmission(identity, found), 'see this admission');
          return found && { admission: found, events: [] };
        },
        create: async () => {
          const referral = await knownReferral(
            this.holds,
            referralId,
            ward.institutionId,
            patient,
            'referralId',
          );
          const admission = Admission.request(
            {
              id: uuidv7(),
              wardId: ward.id,
              institutionId: ward.institutionId,
              groupId: ward.groupId,
              patientResidentId: patient,
              referralId,
              requestedByInstitutionId: identity.institutionId ?? ward.institutionId,
              priority: referral
                ? priorityFor(referral.contractedPriority, referral.greenChannel)
                : NO_PRIORITY,
            },
            now,
          );
          await this.beds.insertAdmission(admission.snapshot());
          const made = { admission: admission.snapshot(), events: admission.pullEvents() };
          return { id: made.admission.id, result: made };
        },
      });
    });
  }
}
