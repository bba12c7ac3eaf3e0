import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { GeographyRepository } from '../../domain/geography.repository';
import { Institution, type InstitutionSnapshot } from '../../domain/institution';
import { InstitutionRepository } from '../../domain/institution.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type RegisterInstitutionCommand } from './register-institution.command';

/** RegisterInstitution: registers an institution in a grid (city operators). */
@Injectable()
export class RegisterInstitutionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly geography: GeographyRepository,
    private readonly institutions: InstitutionRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterInstitutionCommand): Promise<InstitutionSnapshot> {
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register an institution');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-institution', command), {
        load: async (id) => (await this.institutions.findById(id))?.snapshot() ?? null,
        create: async () => {
          if (!(await this.geography.findGrid(command.gridId))) {
            throw new OrganisationError(OrganisationErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
          }
          const institution = Institution.register({
            id: uuidv7(),
            creditCode: command.creditCode,
            name: command.name,
            level: command.level,
            type: command.type,
            gridId: command.gridId,
            address: command.address,
          });
          await this.institutions.insert(institution);
          await this.events.publish(
            institution.pullEvents().map((event) => ({ kind: 'institution-changed', event })),
          );
          return { id: institution.snapshot().id, result: institution.snapshot() };
        },
      }),
    );
  }
}
