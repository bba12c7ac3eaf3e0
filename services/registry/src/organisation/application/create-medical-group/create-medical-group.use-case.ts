import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { MedicalGroup, type MedicalGroupSnapshot } from '../../domain/medical-group';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

export interface CreateMedicalGroupCommand {
  clientRequestId: string;
  gridId: string;
  name: string;
}

/** Creates the one medical group of a grid (city operators). */
@Injectable()
export class CreateMedicalGroupUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: CreateMedicalGroupCommand): Promise<MedicalGroupSnapshot> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('gridId', command.gridId)
      .required('name', command.name)
      .maxLength('name', command.name, 200)
      .throwIfAny();
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'create a medical group');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('create-medical-group', command), {
        load: async (id) => (await this.organisation.findGroup(id))?.snapshot() ?? null,
        create: async () => {
          if (!(await this.organisation.findGrid(command.gridId.toLowerCase()))) {
            throw new RegistryError(RegistryErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
          }
          const group = MedicalGroup.create({
            id: uuidv7(),
            gridId: command.gridId.toLowerCase(),
            name: command.name.trim(),
          });
          await this.organisation.insertGroup(group);
          await this.events.publish(group.pullEvents().map((event) => ({ kind: 'group-changed', event })));
          return { id: group.id, result: group.snapshot() };
        },
      }),
    );
  }
}
