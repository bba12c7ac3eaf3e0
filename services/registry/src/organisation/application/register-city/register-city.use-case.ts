import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { type City } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type RegisterCityCommand } from './register-city.command';

/** RegisterCity: registers a city of the platform (city operators). */
@Injectable()
export class RegisterCityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly geography: GeographyRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterCityCommand): Promise<City> {
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register a city');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-city', command), {
        load: (id) => this.geography.findCity(id),
        create: async () => {
          const city: City = { id: uuidv7(), divisionCode: command.divisionCode, name: command.name };
          await this.geography.insertCity(city);
          await this.events.publish([{ kind: 'city-registered', city }]);
          return { id: city.id, result: city };
        },
      }),
    );
  }
}
