import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { GeographyRepository } from '../../domain/geography.repository';
import { MedicalGroup, type MedicalGroupSnapshot } from '../../domain/medical-group';
import { MedicalGroupRepository } from '../../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { GroupCompleteness, type MedicalGroupView } from '../group-completeness';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type CreateMedicalGroupCommand } from './create-medical-group.command';

/** CreateMedicalGroup: creates the one medical group of a grid (city operators). */
@Injectable()
export class CreateMedicalGroupUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly geography: GeographyRepository,
    private readonly groups: MedicalGroupRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
    private readonly completeness: GroupCompleteness,
  ) {}

  async execute(identity: Identity, command: CreateMedicalGroupCommand): Promise<MedicalGroupView> {
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'create a medical group');
    const group = await this.uow.run(() =>
      this.requests.createOnce<MedicalGroupSnapshot>(clientRequestOf('create-medical-group', command), {
        load: async (id) => (await this.groups.findById(id))?.snapshot() ?? null,
        create: async () => {
          if (!(await this.geography.findGrid(command.gridId))) {
            throw new OrganisationError(OrganisationErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
          }
          const group = MedicalGroup.create({ id: uuidv7(), gridId: command.gridId, name: command.name });
          await this.groups.insert(group);
          await this.events.publish(group.pullEvents().map((event) => ({ kind: 'group-changed', event })));
          return { id: group.id, result: group.snapshot() };
        },
      }),
    );
    return this.completeness.view(group);
  }
}
