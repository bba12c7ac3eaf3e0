import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type AdmissionSnapshot } from '../../domain/admission';
import { AdmissionStep } from '../admission-step';
import { type CancelAdmissionCommand } from './cancel-admission.command';

/** CancelAdmission: by the hospital or by whoever asked for the admission. */
@Injectable()
export class CancelAdmissionUseCase {
  constructor(private readonly step: AdmissionStep) {}

  execute(identity: Identity, command: CancelAdmissionCommand): Promise<AdmissionSnapshot> {
    return this.step.run(identity, 'cancel-admission', command, 'cancel this admission', (admission) => {
      admission.cancel(command.reason);
      return Promise.resolve();
    });
  }
}
