import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { NO_PRIORITY, type Pool, poolsToTry, priorityFor } from '../../booking/domain/pool';
import { SlotHoldRequestRepository } from '../../holds/domain/slot-hold-request.repository';
import { claimChecks } from '../../shared/claim-checks';
import { knownReferral } from '../../shared/known-referral';
import { canClaimAt, canManage, requireAllowed } from '../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../shared/scheduling-error';
import { SchedulingEvents } from '../../shared/scheduling-events';
import { Admission, type AdmissionChangedDomainEvent, type AdmissionSnapshot } from '../domain/admission';
import { BedRepository } from '../domain/bed.repository';
import { canSeeAdmission } from './admission-access';

const admissionChanges = counter('medgrid_scheduling_admission_changes_total', 'Admission steps taken', [
  'change',
  'pool',
]);
const bedRefusals = counter(
  'medgrid_scheduling_bed_refusals_total',
  'Bed assignments refused because the pools asked for were full',
  ['pool'],
);

export interface RequestAdmissionCommand {
  readonly clientRequestId: string;
  readonly wardId: string;
  readonly patientResidentId: string;
  readonly referralId: string;
}

const RESERVED_BEDS_REFUSAL = {
  field: 'pool',
  message: 'reserved beds are for patients referred from primary care',
};

/**
 * RequestAdmission, AssignBed, Discharge and CancelAdmission. A bed is taken
 * with one statement (SKIP LOCKED), so two nurses assigning at once get two
 * different beds or a clean NO_BED_FREE, never the same bed.
 */
@Injectable()
export class AdmissionsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
    private readonly holds: SlotHoldRequestRepository,
    private readonly requests: ClientRequests,
    private readonly events: SchedulingEvents,
  ) {}

  async request(
    identity: Identity,
    command: RequestAdmissionCommand,
    now = new Date(),
  ): Promise<AdmissionSnapshot> {
    claimChecks('', command, now).uuid('wardId', command.wardId).throwIfAny();
    const patient = command.patientResidentId.trim().toUpperCase();
    const referralId = command.referralId.toLowerCase();
    return this.commit(async () => {
      const ward = await this.beds.viewWard(command.wardId.toLowerCase());
      if (!ward) throw new SchedulingError(SchedulingErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canClaimAt(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'ask for admissions at this hospital',
      );
      const request = { ...command, wardId: ward.id, patientResidentId: patient, referralId };
      return this.requests.createOnce(clientRequestOf('request-admission', request), {
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

  async assignBed(
    identity: Identity,
    command: { clientRequestId: string; admissionId: string; pool: Pool | undefined | null },
    now = new Date(),
  ): Promise<AdmissionSnapshot> {
    new FieldChecks().check('pool', command.pool !== null, 'INVALID_VALUE', 'is not a pool').throwIfAny();
    return this.change(identity, 'assign-bed', command, 'assign beds at this hospital', async (admission) => {
      const wardId = admission.snapshot().wardId;
      const pools = poolsToTry(
        command.pool ?? undefined,
        { viaReferral: admission.mayTakeReserved, viaOwnContract: false },
        RESERVED_BEDS_REFUSAL,
      );
      const bed = await this.beds.claimBed(wardId, pools, admission.snapshot().id);
      if (!bed) {
        bedRefusals.inc({ pool: pools.join('+') });
        throw new SchedulingError(
          SchedulingErrorCode.NoBedFree,
          `no free bed left in the ${pools.join(' or ')} pool of this ward`,
          'admissionId',
        );
      }
      admission.assignBed(bed.bedCode, bed.pool, now);
    });
  }

  discharge(
    identity: Identity,
    command: { clientRequestId: string; admissionId: string },
    now = new Date(),
  ): Promise<AdmissionSnapshot> {
    return this.change(
      identity,
      'discharge',
      command,
      'discharge patients at this hospital',
      async (admission) => {
        admission.discharge(now);
        await this.beds.freeBed(admission.snapshot().wardId, admission.snapshot().id);
      },
    );
  }

  cancel(
    identity: Identity,
    command: { clientRequestId: string; admissionId: string; reason: string },
  ): Promise<AdmissionSnapshot> {
    new FieldChecks().maxLength('reason', command.reason, 200).throwIfAny();
    return this.change(identity, 'cancel-admission', command, 'cancel this admission', (admission) => {
      admission.cancel(command.reason.trim() || 'cancelled');
      return Promise.resolve();
    });
  }

  /**
   * One step on a stored admission. Bed steps belong to the hospital; a
   * cancellation also to whoever asked for the admission.
   */
  private change(
    identity: Identity,
    operation: 'assign-bed' | 'discharge' | 'cancel-admission',
    command: { clientRequestId: string; admissionId: string },
    action: string,
    apply: (admission: Admission) => Promise<void>,
  ): Promise<AdmissionSnapshot> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('admissionId', command.admissionId)
      .throwIfAny();
    return this.commit(async () => {
      const found = await this.beds.findAdmission(command.admissionId.toLowerCase(), true);
      if (!found) {
        throw new SchedulingError(SchedulingErrorCode.NotFound, 'no admission with this id', 'admissionId');
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
      await this.beds.updateAdmission(admission.snapshot());
      return { admission: admission.snapshot(), events: admission.pullEvents() };
    });
  }

  /** Publishes the steps with the change and counts them once it has committed. */
  private async commit(
    work: () => Promise<{ admission: AdmissionSnapshot; events: AdmissionChangedDomainEvent[] }>,
  ): Promise<AdmissionSnapshot> {
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
