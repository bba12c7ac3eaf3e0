import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type InstitutionClass } from '../../domain/institution-classification';
import { InstitutionRepository } from '../../domain/institution.repository';
import { MedicalGroup } from '../../domain/medical-group';
import { type MedicalGroupView } from '../group-completeness';
import { MembershipStep } from '../membership-step';
import { type RemoveMembershipCommand } from './remove-membership.command';

/**
 * RemoveMembership: an institution leaves a group, unless the group would lose the anchor it
 * needs while others remain; a lead or member no longer points to it.
 */
@Injectable()
export class RemoveMembershipUseCase {
  constructor(
    private readonly step: MembershipStep,
    private readonly institutions: InstitutionRepository,
  ) {}

  execute(identity: Identity, command: RemoveMembershipCommand): Promise<MedicalGroupView> {
    return this.step.run(identity, 'remove-membership', command, async (group, institution) => {
      const members = await this.institutions.findByIds(
        group.snapshot().memberships.map((m) => m.institutionId),
      );
      const classes = new Map<string, InstitutionClass>(members.map((m) => [m.snapshot().id, m.snapshot()]));
      const role = group.removeMembership(institution.snapshot().id, (id) => classes.get(id));
      if (MedicalGroup.isBelonging(role)) institution.leaveGroup();
    });
  }
}
