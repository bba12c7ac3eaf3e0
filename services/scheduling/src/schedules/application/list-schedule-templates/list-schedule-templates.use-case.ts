import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { RegistryView } from '@medgrid/registry-view';
import { managedHospital } from '../../../common/managed-hospital';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type ListScheduleTemplatesQuery } from './list-schedule-templates.query';

/** ListScheduleTemplates: a hospital's templates, for those who manage its capacity. */
@Injectable()
export class ListScheduleTemplatesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
  ) {}

  async execute(identity: Identity, query: ListScheduleTemplatesQuery): Promise<ScheduleTemplateSnapshot[]> {
    return this.uow.run(async () => {
      const hospital = await managedHospital(this.registry, identity, query.institutionId);
      return this.schedules.listTemplates(hospital.id);
    });
  }
}
