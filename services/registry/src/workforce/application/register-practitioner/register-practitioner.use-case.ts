import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import { isSpecialtyCode } from '../../../organisation/domain/geography';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { requireAllowed } from '../../../shared/require-allowed';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import {
  isLicenceNumber,
  type PractitionerSnapshot,
  type PractitionerTitle,
} from '../../domain/practitioner';
import {
  WORKFORCE_EVENT_PUBLISHER,
  WORKFORCE_REPOSITORY,
  type WorkforceEventPublisher,
  type WorkforceRepository,
} from '../../domain/workforce.ports';
import { OrganisationAccess } from '../../../organisation/application/organisation-access.policy';

export interface RegisterPractitionerCommand {
  clientRequestId: string;
  licenceNumber: string;
  name: string;
  title: PractitionerTitle | undefined;
  specialtyCode: string;
  homeInstitutionId: string;
}

export interface UpdatePractitionerCommand {
  id: string;
  expectedVersion: number;
  name: string;
  title: PractitionerTitle | undefined;
  specialtyCode: string;
  homeInstitutionId: string;
}

/** Field rules shared by registering and updating a practitioner. */
function checkPractitionerDetails(
  checks: FieldChecks,
  details: {
    name: string;
    title: PractitionerTitle | undefined;
    specialtyCode: string;
    homeInstitutionId: string;
  },
): FieldChecks {
  return checks
    .required('name', details.name)
    .maxLength('name', details.name, 50)
    .check('title', details.title !== undefined, 'REQUIRED', 'is required')
    .check(
      'specialtyCode',
      isSpecialtyCode(details.specialtyCode),
      'INVALID_FORMAT',
      'must be a specialty code such as 03 or 03.04',
    )
    .uuid('homeInstitutionId', details.homeInstitutionId);
}

/** Registers a licensed practitioner at their home institution, and changes their details. */
@Injectable()
export class RegisterPractitionerUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(WORKFORCE_EVENT_PUBLISHER) private readonly events: WorkforceEventPublisher,
  ) {}

  async execute(identity: Identity, command: RegisterPractitionerCommand): Promise<PractitionerSnapshot> {
    const licenceNumber = command.licenceNumber.trim().toUpperCase();
    checkPractitionerDetails(
      new FieldChecks()
        .uuid('clientRequestId', command.clientRequestId)
        .check(
          'licenceNumber',
          isLicenceNumber(licenceNumber),
          'INVALID_FORMAT',
          'must be 8-30 digits or capital letters',
        ),
      command,
    ).throwIfAny();
    return this.uow.run(async () => {
      const home = await this.organisation.findInstitution(command.homeInstitutionId.toLowerCase());
      if (!home)
        throw new RegistryError(
          RegistryErrorCode.UnknownInstitution,
          'no institution with this id',
          'homeInstitutionId',
        );
      requireAllowed(
        OrganisationAccess.actForInstitution(identity, home.snapshot()),
        'register practitioners at this institution',
      );
      return this.requests.createOnce(clientRequestOf('register-practitioner', command), {
        load: (id) => this.workforce.findPractitioner(id),
        create: async () => {
          const practitioner: PractitionerSnapshot = {
            id: uuidv7(),
            licenceNumber,
            name: command.name.trim(),
            title: command.title!,
            specialtyCode: command.specialtyCode,
            homeInstitutionId: home.snapshot().id,
            version: 1,
          };
          await this.workforce.insertPractitioner(practitioner);
          await this.events.publish([{ kind: 'practitioner-changed', practitioner }]);
          return { id: practitioner.id, result: practitioner };
        },
      });
    });
  }

  async update(identity: Identity, command: UpdatePractitionerCommand): Promise<PractitionerSnapshot> {
    checkPractitionerDetails(
      new FieldChecks()
        .uuid('id', command.id)
        .check(
          'expectedVersion',
          command.expectedVersion >= 1,
          'REQUIRED',
          'must be the version you read (1 or more)',
        ),
      command,
    ).throwIfAny();
    return this.uow.run(async () => {
      const current = await this.workforce.findPractitioner(command.id.toLowerCase(), true);
      if (!current) throw new RegistryError(RegistryErrorCode.NotFound, 'no practitioner with this id', 'id');
      const [oldHome, newHome] = await Promise.all([
        this.organisation.findInstitution(current.homeInstitutionId),
        this.organisation.findInstitution(command.homeInstitutionId.toLowerCase()),
      ]);
      if (!newHome) {
        throw new RegistryError(
          RegistryErrorCode.UnknownInstitution,
          'no institution with this id',
          'homeInstitutionId',
        );
      }
      // Moving a practitioner needs the right at both ends.
      requireAllowed(
        OrganisationAccess.actForInstitution(identity, oldHome!.snapshot()) &&
          OrganisationAccess.actForInstitution(identity, newHome.snapshot()),
        'change this practitioner',
      );
      if (current.version !== command.expectedVersion) {
        throw new RegistryError(
          RegistryErrorCode.VersionConflict,
          `practitioner changed since version ${command.expectedVersion} (now ${current.version}); read again`,
          'expectedVersion',
        );
      }
      const updated: PractitionerSnapshot = {
        ...current,
        name: command.name.trim(),
        title: command.title!,
        specialtyCode: command.specialtyCode,
        homeInstitutionId: newHome.snapshot().id,
        version: current.version + 1,
      };
      await this.workforce.updatePractitioner(updated, current.version);
      await this.events.publish([{ kind: 'practitioner-changed', practitioner: updated }]);
      return updated;
    });
  }
}
