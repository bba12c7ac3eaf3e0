import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type Institution } from '../domain/institution';
import { InstitutionRepository } from '../domain/institution.repository';
import { type MedicalGroup } from '../domain/medical-group';
import { MedicalGroupRepository } from '../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation-error';
import { type OrganisationEvent, OrganisationEventPublisher } from '../domain/organisation-event-publisher';
import { GroupCompleteness, type MedicalGroupView } from './group-completeness';
import { OrganisationAccess, requireAllowed } from './organisation-access.policy';

/**
 * What AddMembership and RemoveMembership share: the group row is locked for the change, only
 * those who run the group may make it, the institution's group pointer moves in the same
 * transaction as the membership, and a retry (same request id, same request) is answered with
 * the group as it is now.
 */
@Injectable()
export class MembershipStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly institutions: InstitutionRepository,
    private readonly groups: MedicalGroupRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
    private readonly completeness: GroupCompleteness,
  ) {}

  /**
   * Runs `change` on the locked group and institution; stores the group, and the institution
   * when the change moved its group pointer, with the events of both.
   */
  async run(
    identity: Identity,
    operation: 'add-membership' | 'remove-membership',
    command: { readonly clientRequestId: string; readonly groupId: string; readonly institutionId: string },
    change: (group: MedicalGroup, institution: Institution) => Promise<void>,
  ): Promise<MedicalGroupView> {
    const group = await this.uow.run(async () => {
      const group = await this.groups.findById(command.groupId, true);
      if (!group) {
        throw new OrganisationError(
          OrganisationErrorCode.NotFound,
          'no medical group with this id',
          'groupId',
        );
      }
      requireAllowed(OrganisationAccess.manageGroup(identity, group.id), 'change this group');
      const institution = await this.institutions.findById(command.institutionId, true);
      if (!institution) {
        throw new OrganisationError(
          OrganisationErrorCode.UnknownInstitution,
          'no institution with this id',
          'institutionId',
        );
      }
      if (await this.requests.isRetry(clientRequestOf(operation, command), group.id)) {
        return group.snapshot();
      }
      const groupVersion = group.snapshot().version;
      const institutionVersion = institution.snapshot().version;
      await change(group, institution);
      const events: OrganisationEvent[] = group
        .pullEvents()
        .map((event) => ({ kind: 'group-changed', event }));
      const moved = institution.pullEvents();
      if (moved.length > 0) {
        await this.institutions.update(institution, institutionVersion);
        events.push(...moved.map((event) => ({ kind: 'institution-changed' as const, event })));
      }
      await this.groups.update(group, groupVersion);
      await this.events.publish(events);
      return group.snapshot();
    });
    return this.completeness.view(group);
  }
}
