import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { type Department, isSpecialtyCode } from '../../domain/geography';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

export interface RegisterDepartmentCommand {
  clientRequestId: string;
  institutionId: string;
  specialtyCode: string;
  name: string;
}

/** Registers a department of an institution, keyed by a standard specialty code. */
@Injectable()
export class RegisterDepartmentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterDepartmentCommand): Promise<Department> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('institutionId', command.institutionId)
      .check(
        'specialtyCode',
        isSpecialtyCode(command.specialtyCode),
        'INVALID_FORMAT',
        'must be a specialty code such as 03 or 03.04',
      )
      .required('name', command.name)
      .maxLength('name', command.name, 100)
      .throwIfAny();
    return this.uow.run(async () => {
      const institution = await this.organisation.findInstitution(command.institutionId.toLowerCase());
      if (!institution) {
        throw new RegistryError(
          RegistryErrorCode.UnknownInstitution,
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
          (await this.organisation.listDepartments(institutionId)).find((d) => d.id === id) ?? null,
        create: async () => {
          const department: Department = {
            id: uuidv7(),
            institutionId,
            specialtyCode: command.specialtyCode,
            name: command.name.trim(),
          };
          await this.organisation.insertDepartment(department);
          await this.events.publish([{ kind: 'department-registered', department }]);
          return { id: department.id, result: department };
        },
      });
    });
  }
}
