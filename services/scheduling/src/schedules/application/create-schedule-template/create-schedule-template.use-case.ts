import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { departmentAt, managedHospital } from '../../../common/managed-hospital';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { ScheduleTemplate, type ScheduleTemplateSnapshot } from '../../domain/schedule-template';
import { type CreateScheduleTemplateCommand } from './create-schedule-template.command';

/**
 * CreateScheduleTemplate: a department's or doctor's weekly sessions at a
 * hospital the caller manages. A retry gets the template its first attempt made.
 */
@Injectable()
export class CreateScheduleTemplateUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
  ) {}

  async execute(
    identity: Identity,
    command: CreateScheduleTemplateCommand,
  ): Promise<ScheduleTemplateSnapshot> {
    const input = command.template;
    return this.uow.run(async () => {
      const hospital = await managedHospital(
        this.registry,
        identity,
        input.institutionId,
        'template.institutionId',
      );
      const department = await departmentAt(
        this.registry,
        hospital,
        input.departmentId,
        'template.departmentId',
      );
      return this.requests.createOnce(clientRequestOf('create-template', command), {
        load: (id) => this.schedules.findTemplate(id),
        create: async () => {
          const template = ScheduleTemplate.create({
            ...input,
            id: uuidv7(),
            institutionId: hospital.id,
            groupId: hospital.groupId,
            departmentId: department.id,
            specialtyCode: department.specialtyCode,
          });
          await this.schedules.insertTemplate(template.snapshot());
          return { id: template.snapshot().id, result: template.snapshot() };
        },
      });
    });
  }
}
