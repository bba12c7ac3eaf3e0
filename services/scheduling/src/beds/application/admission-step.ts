import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter } from '@medgrid/telemetry';
import { canManage, requireAllowed } from '../../common/scheduling-access.policy';
import { BedError, BedErrorCode } from '../domain/bed-error';
import { Admission, type AdmissionChangedDomainEvent, type AdmissionSnapshot } from '../domain/admission';
import { BedEventPublisher } from '../domain/bed-event-publisher';
import { BedRepository } from '../domain/bed.repository';
import { canSeeAdmission } from './admission-access';

const admissionChanges = counter('medgrid_scheduling_admission_changes_total', 'Admission steps taken', [
  'change',
  'pool',
]);

/** What a step on an admission did: the admission as it now is and the changes to announce. */
export interface AdmissionStepDone {
  readonly admission: AdmissionSnapshot;
  readonly events: AdmissionChangedDomainEvent[];
}

/**
 * How every admission use case commits: the steps are announced with the
 * change, in its transaction, and counted once it has committed. A step on a
 * stored admission (AssignBed, Discharge, CancelAdmission) also runs the same
 * way each time: found and locked, the caller checked, a retry answered.
 */
@Injectable()
export class AdmissionStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly requests: ClientRequests,
    private readonly events: BedEventPublisher,
  ) {}

  /**
   * One step on a stored admission. Bed steps belong to the hospital; a
   * cancellation also to whoever asked for the admission.
   */
  run(
    identity: Identity,
    operation: 'assign-bed' | 'discharge' | 'cancel-admission',
    command: { readonly clientRequestId: string; readonly admissionId: string },
    action: string,
    apply: (admission: Admission) => Promise<void>,
  ): Promise<AdmissionSnapshot> {
    return this.commit(async () => {
      const found = await this.beds.findAdmission(command.admissionId, true);
      if (!found) {
        throw new BedError(BedErrorCode.NotFound, 'no admission with this id', 'admissionId');
      }
      const hospital = { id: found.institutionId, groupId: found.groupId };
      requireAllowed(
        operation === 'cancel-admission' ? canSeeAdmission(identity, found) : canManage(identity, hospital),
        action,
      );
      if (await this.requests.isRetry(clientRequestOf(operation, command), found.id)) {
        return { admission: found, events: [] };
      }
      const admission = Admission.restore(found);
      await apply(admission);
      await this.beds.updateAdmission(admission.snapshot(), found.version);
      return { admission: admission.snapshot(), events: admission.pullEvents() };
    });
  }

  /** Publishes the steps with the change and counts them once it has committed. */
  async commit(work: () => Promise<AdmissionStepDone>): Promise<AdmissionSnapshot> {
    const result = await this.uow.run(async () => {
      const done = await work();
      await this.events.admissionsChanged(done.events);
      return done;
    });
    for (const event of result.events) {
      admissionChanges.inc({ change: event.change, pool: event.admission.pool ?? 'none' });
    }
    return result.admission;
  }
}
