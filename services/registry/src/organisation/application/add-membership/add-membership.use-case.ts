import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { MedicalGroup } from '../../domain/medical-group';
import { type MedicalGroupView } from '../group-completeness';
import { MembershipStep } from '../membership-step';
import { type AddMembershipCommand } from './add-membership.command';

/** AddMembership: an institution joins a group; a lead or member also points to it from now on. */
@Injectable()
export class AddMembershipUseCase {
  constructor(private readonly step: MembershipStep) {}

  execute(identity: Identity, command: AddMembershipCommand, now = new Date()): Promise<MedicalGroupView> {
    return this.step.run(identity, 'add-membership', command, (group, institution) => {
      group.addMembership({ ...institution.snapshot() }, command.role, now);
      if (MedicalGroup.isBelonging(command.role)) institution.joinGroup(group.id);
      return Promise.resolve();
    });
  }
}
