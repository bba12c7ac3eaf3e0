import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type AdmissionSnapshot } from '../../domain/admission';
import { BedRepository } from '../../domain/bed.repository';
import { AdmissionStep } from '../admission-step';
import { type DischargePatientCommand } from './discharge-patient.command';

/** Discharge: the hospital discharges an admitted patient and their bed goes back to its pool. */
@Injectable()
export class DischargePatientUseCase {
  constructor(
    private readonly beds: BedRepository,
    private readonly step: AdmissionStep,
  ) {}

  execute(
    identity: Identity,
    command: DischargePatientCommand,
    now = new Date(),
  ): Promise<AdmissionSnapshot> {
    return this.step.run(
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
}
