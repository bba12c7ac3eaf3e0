import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { counter } from '@medgrid/telemetry';
import { poolsToTry } from '../../../booking/domain/pool';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { type AdmissionSnapshot } from '../../domain/admission';
import { BedRepository } from '../../domain/bed.repository';
import { AdmissionStep } from '../admission-step';
import { type AssignBedCommand } from './assign-bed.command';

const bedRefusals = counter(
  'medgrid_scheduling_bed_refusals_total',
  'Bed assignments refused because the pools asked for were full',
  ['pool'],
);

const RESERVED_BEDS_REFUSAL = {
  field: 'pool',
  message: 'reserved beds are for patients referred from primary care',
};

/**
 * AssignBed: a bed is taken with one statement (SKIP LOCKED), so two nurses
 * assigning at once get two different beds or a clean NO_BED_FREE, never the
 * same bed.
 */
@Injectable()
export class AssignBedUseCase {
  constructor(
    private readonly beds: BedRepository,
    private readonly step: AdmissionStep,
  ) {}

  execute(identity: Identity, command: AssignBedCommand, now = new Date()): Promise<AdmissionSnapshot> {
    return this.step.run(
      identity,
      'assign-bed',
      command,
      'assign beds at this hospital',
      async (admission) => {
        const wardId = admission.snapshot().wardId;
        const pools = poolsToTry(
          command.pool,
          { viaReferral: admission.mayTakeReserved, viaOwnContract: false },
          RESERVED_BEDS_REFUSAL,
        );
        const bed = await this.beds.claimBed(wardId, pools, admission.snapshot().id);
        if (!bed) {
          bedRefusals.inc({ pool: pools.join('+') });
          throw new BedError(
            BedErrorCode.NoBedFree,
            `no free bed left in the ${pools.join(' or ')} pool of this ward`,
            'admissionId',
          );
        }
        admission.assignBed(bed.bedCode, bed.pool, now);
      },
    );
  }
}
