import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { type InstitutionClass } from '../../domain/institution-classification';
import { MedicalGroup, type MedicalGroupSnapshot, type MembershipRole } from '../../domain/medical-group';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEvent,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

/**
 * Adds or removes an institution of a group. The group row is locked for the
 * change, and the institution's group pointer moves in the same transaction.
 */
@Injectable()
export class ChangeMembershipUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async add(
    identity: Identity,
    input: { groupId: string; institutionId: string; role: MembershipRole | undefined },
    now = new Date(),
  ): Promise<MedicalGroupSnapshot> {
    new FieldChecks()
      .uuid('groupId', input.groupId)
      .uuid('institutionId', input.institutionId)
      .check('role', input.role !== undefined, 'REQUIRED', 'must be LEAD, MEMBER or COLLABORATING')
      .throwIfAny();
    const role = input.role!;
    return this.uow.run(async () => {
      const { group, institution } = await this.load(identity, input.groupId, input.institutionId);
      const before = group.snapshot().version;
      group.addMembership({ ...institution.snapshot() }, role, now);
      const events: OrganisationEvent[] = group
        .pullEvents()
        .map((event) => ({ kind: 'group-changed', event }));
      if (MedicalGroup.isBelonging(role)) {
        const institutionVersion = institution.snapshot().version;
        institution.joinGroup(group.id);
        await this.organisation.updateInstitution(institution, institutionVersion);
        events.push(
          ...institution.pullEvents().map((event) => ({ kind: 'institution-changed' as const, event })),
        );
      }
      await this.organisation.updateGroup(group, before);
      await this.events.publish(events);
      return group.snapshot();
    });
  }

  async remove(
    identity: Identity,
    input: { groupId: string; institutionId: string },
  ): Promise<MedicalGroupSnapshot> {
    new FieldChecks().uuid('groupId', input.groupId).uuid('institutionId', input.institutionId).throwIfAny();
    return this.uow.run(async () => {
      const { group, institution } = await this.load(identity, input.groupId, input.institutionId);
      const members = await this.organisation.findInstitutions(
        group.snapshot().memberships.map((m) => m.institutionId),
      );
      const classes = new Map<string, InstitutionClass>(members.map((m) => [m.snapshot().id, m.snapshot()]));
      const before = group.snapshot().version;
      const role = group.removeMembership(institution.snapshot().id, (id) => classes.get(id));
      const events: OrganisationEvent[] = group
        .pullEvents()
        .map((event) => ({ kind: 'group-changed', event }));
      if (MedicalGroup.isBelonging(role)) {
        const institutionVersion = institution.snapshot().version;
        institution.leaveGroup();
        await this.organisation.updateInstitution(institution, institutionVersion);
        events.push(
          ...institution.pullEvents().map((event) => ({ kind: 'institution-changed' as const, event })),
        );
      }
      await this.organisation.updateGroup(group, before);
      await this.events.publish(events);
      return group.snapshot();
    });
  }

  private async load(identity: Identity, groupId: string, institutionId: string) {
    const group = await this.organisation.findGroup(groupId.toLowerCase(), true);
    if (!group)
      throw new RegistryError(RegistryErrorCode.NotFound, 'no medical group with this id', 'groupId');
    requireAllowed(OrganisationAccess.manageGroup(identity, group.id), 'change this group');
    const institution = await this.organisation.findInstitution(institutionId.toLowerCase(), true);
    if (!institution) {
      throw new RegistryError(
        RegistryErrorCode.UnknownInstitution,
        'no institution with this id',
        'institutionId',
      );
    }
    return { group, institution };
  }
}
