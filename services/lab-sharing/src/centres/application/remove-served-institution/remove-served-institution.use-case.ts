import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { CentreStep } from '../centre-step';
import { type RemoveServedInstitutionCommand } from './remove-served-institution.command';

/** RemoveServedInstitution: by the group's administrator or a city operator; never the host. */
@Injectable()
export class RemoveServedInstitutionUseCase {
  constructor(private readonly step: CentreStep) {}

  execute(identity: Identity, command: RemoveServedInstitutionCommand): Promise<SharedCentreSnapshot> {
    return this.step.run(
      identity,
      'remove-served-institution',
      command,
      "change this group's centres",
      (centre) => {
        centre.stopServing(command.institutionId);
        return Promise.resolve();
      },
    );
  }
}
