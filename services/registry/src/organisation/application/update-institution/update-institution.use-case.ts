import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { type InstitutionSnapshot } from '../../domain/institution';
import {
  canLeadGroup,
  type InstitutionLevel,
  type InstitutionType,
} from '../../domain/institution-classification';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';
import { checkInstitutionDetails } from '../register-institution/register-institution.use-case';

export interface UpdateInstitutionCommand {
  id: string;
  expectedVersion: number;
  name: string;
  level: InstitutionLevel | undefined;
  type: InstitutionType | undefined;
  address: string;
}

/** Changes an institution's details; refuses if it changed since the caller read it. */
@Injectable()
export class UpdateInstitutionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: UpdateInstitutionCommand): Promise<InstitutionSnapshot> {
    const checks = new FieldChecks()
      .uuid('id', command.id)
      .check(
        'expectedVersion',
        command.expectedVersion >= 1,
        'REQUIRED',
        'must be the version you read (1 or more)',
      );
    checkInstitutionDetails(checks, command).throwIfAny();
    return this.uow.run(async () => {
      const institution = await this.organisation.findInstitution(command.id.toLowerCase(), true);
      if (!institution)
        throw new RegistryError(RegistryErrorCode.NotFound, 'no institution with this id', 'id');
      requireAllowed(
        OrganisationAccess.manageInstitution(identity, institution.snapshot()),
        'change this institution',
      );
      const { groupId } = institution.snapshot();
      const group = groupId ? await this.organisation.findGroup(groupId) : null;
      if (
        group?.roleOf(institution.snapshot().id) === 'lead' &&
        !canLeadGroup({ level: command.level!, type: command.type! })
      ) {
        throw new RegistryError(
          RegistryErrorCode.LeadMustBeTertiaryGeneral,
          'this institution leads a medical group and must stay a tertiary general hospital',
          'type',
        );
      }
      const before = institution.snapshot().version;
      institution.update(command.expectedVersion, {
        name: command.name.trim(),
        level: command.level!,
        type: command.type!,
        address: command.address.trim(),
      });
      await this.organisation.updateInstitution(institution, before);
      await this.events.publish(
        institution.pullEvents().map((event) => ({ kind: 'institution-changed', event })),
      );
      return institution.snapshot();
    });
  }
}
