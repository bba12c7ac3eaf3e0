import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { type City, isCityDivisionCode } from '../../domain/geography';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

export interface RegisterCityCommand {
  clientRequestId: string;
  divisionCode: string;
  name: string;
}

/** Registers a city of the platform (city operators). */
@Injectable()
export class RegisterCityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterCityCommand): Promise<City> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .check(
        'divisionCode',
        isCityDivisionCode(command.divisionCode),
        'INVALID_FORMAT',
        'must be a 6-digit GB/T 2260 city code ending in 00',
      )
      .required('name', command.name)
      .maxLength('name', command.name, 100)
      .throwIfAny();
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register a city');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-city', command), {
        load: (id) => this.organisation.findCity(id),
        create: async () => {
          const city: City = { id: uuidv7(), divisionCode: command.divisionCode, name: command.name.trim() };
          await this.organisation.insertCity(city);
          await this.events.publish([{ kind: 'city-registered', city }]);
          return { id: city.id, result: city };
        },
      }),
    );
  }
}
