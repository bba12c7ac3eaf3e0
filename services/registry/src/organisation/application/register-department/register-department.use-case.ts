import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { type Department } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { InstitutionRepository } from '../../domain/institution.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { OrganisationEventPublisher } from '../../domain/organisation-event-publisher';
import { OrganisationAccess, requireAllowed } from '../organisation-access.policy';
import { type RegisterDepartmentCommand } from './register-department.command';

/** RegisterDepartment: registers a department of an institution (its own staff and systems, its group). */
@Injectable()
export class RegisterDepartmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly geography: GeographyRepository,
    private readonly institutions: InstitutionRepository,
    private readonly requests: ClientRequests,
    private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterDepartmentCommand): Promise<Department> {
    return this.uow.run(async () => {
      const institution = await this.institutions.findById(command.institutionId);
      if (!institution) {
        throw new OrganisationError(
          OrganisationErrorCode.UnknownInstitution,
          'no institution with this id',
          'institutionId',
        );
      }
      requireAllowed(
        OrganisationAccess.actForInstitution(identity, institution.snapshot()),
        'add departments here',
      );
      const institutionId = institution.snapshot().id;
      return this.requests.createOnce(clientRequestOf('register-department', command), {
        load: async (id) =>
          (await this.geography.listDepartments(institutionId)).find((d) => d.id === id) ?? null,
        create: async () => {
          const department: Department = {
            id: uuidv7(),
            institutionId,
            specialtyCode: command.specialtyCode,
            name: command.name,
          };
          await this.geography.insertDepartment(department);
          await this.events.publish([{ kind: 'department-registered', department }]);
          return { id: department.id, result: department };
        },
      });
    });
  }
}
