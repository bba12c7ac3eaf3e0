import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { Institution, type InstitutionSnapshot } from '../../domain/institution';
import { type InstitutionLevel, type InstitutionType } from '../../domain/institution-classification';
import {
  ORGANISATION_EVENT_PUBLISHER,
  ORGANISATION_REPOSITORY,
  type OrganisationEventPublisher,
  type OrganisationRepository,
} from '../../domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { OrganisationAccess } from '../organisation-access.policy';
import { requireAllowed } from '../../../shared/require-allowed';

export interface RegisterInstitutionCommand {
  clientRequestId: string;
  creditCode: string;
  name: string;
  level: InstitutionLevel | undefined;
  type: InstitutionType | undefined;
  gridId: string;
  address: string;
}

/** Shared field rules of institution details (register and update). */
export function checkInstitutionDetails(
  checks: FieldChecks,
  details: {
    name: string;
    level: InstitutionLevel | undefined;
    type: InstitutionType | undefined;
    address: string;
  },
): FieldChecks {
  return checks
    .required('name', details.name)
    .maxLength('name', details.name, 200)
    .check('level', details.level !== undefined, 'REQUIRED', 'must be TERTIARY, SECONDARY or PRIMARY')
    .check('type', details.type !== undefined, 'REQUIRED', 'is required')
    .required('address', details.address)
    .maxLength('address', details.address, 500);
}

/** Registers an institution in a grid (city operators). */
@Injectable()
export class RegisterInstitutionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(ORGANISATION_EVENT_PUBLISHER) private readonly events: OrganisationEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterInstitutionCommand): Promise<InstitutionSnapshot> {
    const checks = new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('gridId', command.gridId);
    const creditCode = command.creditCode.trim().toUpperCase();
    const problem = creditCodeProblem(creditCode);
    if (problem) checks.add('creditCode', problem, CREDIT_CODE_PROBLEM_TEXT[problem]);
    checkInstitutionDetails(checks, command).throwIfAny();
    requireAllowed(OrganisationAccess.manageCityMap(identity), 'register an institution');
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-institution', command), {
        load: async (id) => (await this.organisation.findInstitution(id))?.snapshot() ?? null,
        create: async () => {
          if (!(await this.organisation.findGrid(command.gridId.toLowerCase()))) {
            throw new RegistryError(RegistryErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
          }
          const institution = Institution.register({
            id: uuidv7(),
            creditCode,
            name: command.name.trim(),
            level: command.level!,
            type: command.type!,
            gridId: command.gridId.toLowerCase(),
            address: command.address.trim(),
          });
          await this.organisation.insertInstitution(institution);
          await this.events.publish(
            institution.pullEvents().map((event) => ({ kind: 'institution-changed', event })),
          );
          return { id: institution.snapshot().id, result: institution.snapshot() };
        },
      }),
    );
  }
}
