import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { InstitutionRepository } from '../../../organisation/domain/institution.repository';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { PractitionerRepository } from '../../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { WorkforceEventPublisher } from '../../domain/workforce-event-publisher';
import { requireAllowed, WorkforceAccess } from '../workforce-access.policy';
import { type RegisterPractitionerCommand } from './register-practitioner.command';

/** RegisterPractitioner: registers a licensed practitioner at their home institution. */
@Injectable()
export class RegisterPractitionerUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly practitioners: PractitionerRepository,
    private readonly institutions: InstitutionRepository,
    private readonly requests: ClientRequests,
    private readonly events: WorkforceEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterPractitionerCommand): Promise<PractitionerSnapshot> {
    return this.uow.run(async () => {
      const home = await this.institutions.findById(command.homeInstitutionId);
      if (!home) {
        throw new WorkforceError(
          WorkforceErrorCode.UnknownInstitution,
          'no institution with this id',
          'homeInstitutionId',
        );
      }
      requireAllowed(
        WorkforceAccess.actAt(identity, home.snapshot()),
        'register practitioners at this institution',
      );
      return this.requests.createOnce(clientRequestOf('register-practitioner', command), {
        load: (id) => this.practitioners.findById(id),
        create: async () => {
          const practitioner: PractitionerSnapshot = {
            id: uuidv7(),
            licenceNumber: command.licenceNumber,
            name: command.name,
            title: command.title,
            specialtyCode: command.specialtyCode,
            homeInstitutionId: home.snapshot().id,
            version: 1,
          };
          await this.practitioners.insert(practitioner);
          await this.events.publish([{ kind: 'practitioner-changed', practitioner }]);
          return { id: practitioner.id, result: practitioner };
        },
      });
    });
  }
}
