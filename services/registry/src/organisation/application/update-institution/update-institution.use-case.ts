import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type InstitutionSnapshot } from '../../domain/institution';
import { canLeadGroup } from '../../domain/institution-classification';
import { InstitutionRepository } from '../../domain/institution.repository';
import { MedicalGroupRepository } from '../../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type UpdateInstitutionCommand } from './update-institution.command';

/**
 * UpdateInstitution: changes an institution's details; refuses if it changed since the caller
 * read it. A retry (same request id, same request) is answered with the institution as it is now.
 */
@Injectable()
export class UpdateInstitutionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly institutions: InstitutionRepository,
    private readonly groups: MedicalGroupRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: UpdateInstitutionCommand): Promise<InstitutionSnapshot> {
    return this.uow.run(async () => {
      const institution = await this.institutions.findById(command.id, true);
      if (!institution) {
        throw new OrganisationError(OrganisationErrorCode.NotFound, 'no institution with this id', 'id');
      }
      requireAllowed(
        OrganisationAccess.manageInstitution(identity, institution.snapshot()),
        'change this institution',
      );
      const { id, groupId } = institution.snapshot();
      if (await this.requests.isRetry(clientRequestOf('update-institution', command), id)) {
        return institution.snapshot();
      }
      const group = groupId ? await this.groups.findById(groupId) : null;
      if (group?.roleOf(id) === 'lead' && !canLeadGroup(command)) {
        throw new OrganisationError(
          OrganisationErrorCode.LeadMustBeTertiaryGeneral,
          'this institution leads a medical group and must stay a tertiary general hospital',
          'type',
        );
      }
      const before = institution.snapshot().version;
      institution.update(command.expectedVersion, {
        name: command.name,
        level: command.level,
        type: command.type,
        address: command.address,
      });
      await this.institutions.update(institution, before);
      await this.events.publish(
        institution.pullEvents().map((event) => ({ kind: 'institution-changed', event })),
      );
      return institution.snapshot();
    });
  }
}
