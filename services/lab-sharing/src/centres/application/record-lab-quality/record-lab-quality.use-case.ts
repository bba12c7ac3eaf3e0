import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from '../../domain/centre-error';
import { LabQualityRecord, type LabQualityRecordSnapshot } from '../../domain/lab-quality';
import { LabQualityRepository } from '../../domain/lab-quality.repository';
import { CentreAccess } from '../centre-access.policy';
import { type RecordLabQualityCommand } from './record-lab-quality.command';

/**
 * RecordLabQuality: a city operator, or the administrator of the institution's group, records what a
 * performing institution has shown, with who recorded it. A retry gets the record the first attempt made.
 */
@Injectable()
export class RecordLabQualityUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly quality: LabQualityRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
  ) {}

  execute(
    identity: Identity,
    command: RecordLabQualityCommand,
    now = new Date(),
  ): Promise<LabQualityRecordSnapshot> {
    return this.uow.run(async () => {
      const institution = await this.registry.institution(command.institutionId);
      if (!institution) {
        throw new CentreError(
          CentreErrorCode.UnknownInstitution,
          'no institution with this id is known',
          'institutionId',
        );
      }
      CentreAccess.require(
        CentreAccess.canRecordQuality(identity, institution.groupId),
        "record this institution's quality",
      );
      return this.requests.createOnce(clientRequestOf('record-lab-quality', command), {
        load: async (id) => (await this.quality.findById(id))?.snapshot() ?? null,
        create: async () => {
          const record = LabQualityRecord.record(
            {
              id: uuidv7(),
              institutionId: institution.id,
              kind: command.kind,
              reference: command.reference,
              validFrom: command.validFrom,
              validUntil: command.validUntil,
            },
            { subject: identity.subject, institutionId: identity.institutionId },
            now,
          );
          await this.quality.insert(record);
          return { id: record.id, result: record.snapshot() };
        },
      });
    });
  }
}
