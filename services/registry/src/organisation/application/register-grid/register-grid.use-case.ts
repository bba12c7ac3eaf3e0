import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { type Grid } from '../../domain/geography';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

export interface RegisterGridCommand {
  clientRequestId: string;
  cityId: string;
  code: string;
  name: string;
}

/** Registers a grid (网格) of a city (city operators). */
@Injectable()
export class RegisterGridUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterGridCommand): Promise<Grid> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('cityId', command.cityId)
      .check(
        'code',
        /^[A-Za-z0-9-]{1,20}$/.test(command.code),
        'INVALID_FORMAT',
        'must be 1-20 letters, digits or dashes',
      )
      .required('name', command.name)
      .maxLength('name', command.name, 100)
      .throwIfAny();
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register a grid');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-grid', command), {
        load: (id) => this.organisation.findGrid(id),
        create: async () => {
          if (!(await this.organisation.findCity(command.cityId.toLowerCase()))) {
            throw new RegistryError(RegistryErrorCode.UnknownCity, 'no city with this id', 'cityId');
          }
          const grid: Grid = {
            id: uuidv7(),
            cityId: command.cityId.toLowerCase(),
            code: command.code,
            name: command.name.trim(),
          };
          await this.organisation.insertGrid(grid);
          await this.events.publish([{ kind: 'grid-registered', grid }]);
          return { id: grid.id, result: grid };
        },
      }),
    );
  }
}
