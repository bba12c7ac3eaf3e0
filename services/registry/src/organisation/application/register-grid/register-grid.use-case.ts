import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { type Grid } from '../../domain/geography';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { CLIENT_REQUEST_LOG, type ClientRequestLog } from '../../../shared/client-request-log';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { idempotentCreate } from '../../../shared/idempotent-create';
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
    @Inject(CLIENT_REQUEST_LOG) private readonly requests: ClientRequestLog,
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
      idempotentCreate(
        this.requests,
        'register-grid',
        command.clientRequestId,
        (id) => this.organisation.findGrid(id),
        async () => {
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
      ),
    );
  }
}
