import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { InstitutionRepository } from '../../../organisation/domain/institution.repository';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { PractitionerRepository } from '../../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { WorkforceEventPublisher } from '../../domain/workforce-event-publisher';
import { requireAllowed, WorkforceAccess } from '../workforce-access.policy';
import { type UpdatePractitionerCommand } from './update-practitioner.command';

/**
 * UpdatePractitioner: changes a practitioner's details; refuses if they changed since the caller
 * read them. A retry (same request id, same request) is answered with the practitioner as they are now.
 */
@Injectable()
export class UpdatePractitionerUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly practitioners: PractitionerRepository,
    private readonly institutions: InstitutionRepository,
    private readonly requests: ClientRequests,
    private readonly events: WorkforceEventPublisher,
  ) {}

  async execute(identity: Identity, command: UpdatePractitionerCommand): Promise<PractitionerSnapshot> {
    return this.uow.run(async () => {
      const current = await this.practitioners.findById(command.id, true);
      if (!current)
        throw new WorkforceError(WorkforceErrorCode.NotFound, 'no practitioner with this id', 'id');
      // One after the other: the transaction's reads share one connection (node-postgres takes one query at a time).
      const oldHome = await this.institutions.findById(current.homeInstitutionId);
      const newHome = await this.institutions.findById(command.homeInstitutionId);
      if (!newHome) {
        throw new WorkforceError(
          WorkforceErrorCode.UnknownInstitution,
          'no institution with this id',
          'homeInstitutionId',
        );
      }
      // Moving a practitioner needs the right at both ends; the old home exists (a foreign key).
      requireAllowed(
        WorkforceAccess.actAt(identity, oldHome!.snapshot()) &&
          WorkforceAccess.actAt(identity, newHome.snapshot()),
        'change this practitioner',
      );
      if (await this.requests.isRetry(clientRequestOf('update-practitioner', command), current.id)) {
        return current;
      }
      if (current.version !== command.expectedVersion) {
        throw new WorkforceError(
          WorkforceErrorCode.VersionConflict,
          `practitioner changed since version ${command.expectedVersion} (now ${current.version}); read again`,
          'expectedVersion',
        );
      }
      const updated: PractitionerSnapshot = {
        ...current,
        name: command.name,
        title: command.title,
        specialtyCode: command.specialtyCode,
        homeInstitutionId: newHome.snapshot().id,
        version: current.version + 1,
      };
      await this.practitioners.update(updated, current.version);
      await this.events.publish([{ kind: 'practitioner-changed', practitioner: updated }]);
      return updated;
    });
  }
}
