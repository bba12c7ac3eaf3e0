import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type DiseaseGroupTable } from '../../domain/disease-group-points';
import { starterDiseaseGroups } from '../../domain/starter/starter-disease-groups';
import { DiseaseGroupEdit } from '../disease-group-edit';
import { type LoadStarterDiseaseGroupTableCommand } from './load-starter-disease-group-table.command';

/**
 * LoadStarterDiseaseGroupTable: the city's insurance administration starts its fund from the platform's starter
 * disease groups, in force from a date, as a put of those groups would.
 */
@Injectable()
export class LoadStarterDiseaseGroupTableUseCase {
  constructor(private readonly edit: DiseaseGroupEdit) {}

  execute(
    identity: Identity,
    command: LoadStarterDiseaseGroupTableCommand,
    now = new Date(),
  ): Promise<DiseaseGroupTable> {
    return this.edit.run(
      identity,
      clientRequestOf('load-starter-disease-group-table', command),
      command.regionId,
      (t) => t.load(starterDiseaseGroups(command.effectiveFrom), command.levelFactors, command.fromVersion),
      now,
    );
  }
}
