import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type DiseaseGroupTable } from '../../domain/disease-group-points';
import { DiseaseGroupEdit } from '../disease-group-edit';
import { type PutDiseaseGroupTableCommand } from './put-disease-group-table.command';

/**
 * PutDiseaseGroupTable: the city's insurance administration puts its fund's own disease-group points (DIP) as the
 * next version, all or nothing with every bad group named, overlapping dates of a code refused.
 */
@Injectable()
export class PutDiseaseGroupTableUseCase {
  constructor(private readonly edit: DiseaseGroupEdit) {}

  execute(
    identity: Identity,
    command: PutDiseaseGroupTableCommand,
    now = new Date(),
  ): Promise<DiseaseGroupTable> {
    return this.edit.run(
      identity,
      clientRequestOf('put-disease-group-table', command),
      command.regionId,
      (t) => t.load(command.groups, command.levelFactors, command.fromVersion),
      now,
    );
  }
}
