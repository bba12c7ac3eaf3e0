import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { CentreInstitutions } from '../centre-institutions';
import { CentreStep } from '../centre-step';
import { type AddServedInstitutionCommand } from './add-served-institution.command';

/** AddServedInstitution: by the group's administrator or a city operator; a lead or member of the group only. */
@Injectable()
export class AddServedInstitutionUseCase {
  constructor(
    private readonly step: CentreStep,
    private readonly institutions: CentreInstitutions,
  ) {}

  execute(identity: Identity, command: AddServedInstitutionCommand): Promise<SharedCentreSnapshot> {
    return this.step.run(
      identity,
      'add-served-institution',
      command,
      "change this group's centres",
      async (centre) => {
        const group = await this.institutions.group(centre.groupId, 'centreId');
        centre.startServing(await this.institutions.inGroup(group, command.institutionId, 'institutionId'));
      },
    );
  }
}
