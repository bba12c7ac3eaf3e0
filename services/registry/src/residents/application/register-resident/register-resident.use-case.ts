import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { requireAllowed } from '../../../shared/require-allowed';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { isMobilePhone, Resident, type ResidentSnapshot } from '../../domain/resident';
import {
  RESIDENT_EVENT_PUBLISHER,
  RESIDENT_REPOSITORY,
  type ResidentEventPublisher,
  type ResidentRepository,
} from '../../domain/resident.ports';
import { canAccessResident } from '../resident-access.policy';

export interface RegisterResidentCommand {
  clientRequestId: string;
  residentIdNumber: string;
  name: string;
  phone: string;
  gridId: string;
}

export interface UpdateResidentCommand {
  id: string;
  expectedVersion: number;
  name: string;
  phone: string;
  gridId: string;
}

function checkDetails(
  checks: FieldChecks,
  details: { name: string; phone: string; gridId: string },
): FieldChecks {
  return checks
    .required('name', details.name)
    .maxLength('name', details.name, 50)
    .check(
      'phone',
      isMobilePhone(details.phone.trim()),
      'INVALID_FORMAT',
      'must be an 11-digit mobile number',
    )
    .uuid('gridId', details.gridId);
}

/** Registers and updates residents (the group serving their grid, or city operators). */
@Injectable()
export class RegisterResidentUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(RESIDENT_REPOSITORY) private readonly residents: ResidentRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(RESIDENT_EVENT_PUBLISHER) private readonly events: ResidentEventPublisher,
  ) {}

  async register(identity: Identity, command: RegisterResidentCommand): Promise<ResidentSnapshot> {
    const checks = new FieldChecks().uuid('clientRequestId', command.clientRequestId);
    const parsed = ResidentId.parse(command.residentIdNumber);
    if (typeof parsed === 'string') checks.add('residentIdNumber', parsed, RESIDENT_ID_PROBLEM_TEXT[parsed]);
    checkDetails(checks, command).throwIfAny();
    const residentId = parsed as ResidentId;
    return this.uow.run(async () => {
      const gridId = await this.requireGrid(command.gridId);
      requireAllowed(
        canAccessResident(identity, [await this.organisation.findGroupIdByGrid(gridId)]),
        'register residents of this grid',
      );
      return this.requests.createOnce(clientRequestOf('register-resident', command), {
        load: async (id) => (await this.residents.findResident(id))?.snapshot() ?? null,
        create: async () => {
          const resident = Resident.register({
            id: uuidv7(),
            residentId,
            name: command.name.trim(),
            phone: command.phone.trim(),
            gridId,
          });
          await this.residents.insertResident(resident);
          await this.events.publish([{ kind: 'resident-changed', resident: resident.snapshot() }]);
          return { id: resident.snapshot().id, result: resident.snapshot() };
        },
      });
    });
  }

  async update(identity: Identity, command: UpdateResidentCommand): Promise<ResidentSnapshot> {
    checkDetails(
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
      const resident = await this.residents.findResident(command.id.toLowerCase(), true);
      if (!resident) throw new RegistryError(RegistryErrorCode.NotFound, 'no resident with this id', 'id');
      const before = resident.snapshot();
      const gridId = await this.requireGrid(command.gridId);
      requireAllowed(
        canAccessResident(identity, [await this.organisation.findGroupIdByGrid(before.gridId)]),
        'change this resident',
      );
      if (before.version !== command.expectedVersion) {
        throw new RegistryError(
          RegistryErrorCode.VersionConflict,
          `resident changed since version ${command.expectedVersion} (now ${before.version}); read again`,
          'expectedVersion',
        );
      }
      resident.update({ name: command.name.trim(), phone: command.phone.trim(), gridId });
      await this.residents.updateResident(resident, before.version);
      await this.events.publish([{ kind: 'resident-changed', resident: resident.snapshot() }]);
      return resident.snapshot();
    });
  }

  private async requireGrid(gridId: string): Promise<string> {
    const grid = await this.organisation.findGrid(gridId.toLowerCase());
    if (!grid) throw new RegistryError(RegistryErrorCode.UnknownGrid, 'no grid with this id', 'gridId');
    return grid.id;
  }
}
