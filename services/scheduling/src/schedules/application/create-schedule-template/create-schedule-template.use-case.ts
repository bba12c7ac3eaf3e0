import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { ClientRequestLog } from '../../../shared/client-request-log';
import { departmentAt, managedHospital } from '../../../shared/managed-hospital';
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
    private readonly requests: ClientRequestLog,
  ) {}

  async execute(
    identity: Identity,
    command: CreateScheduleTemplateCommand,
    now = new Date(),
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
      const id = uuidv7();
      const earlier = await this.requests.claim('create-template', command.clientRequestId, id);
      if (earlier) return (await this.schedules.findTemplate(earlier))!;
      const template = ScheduleTemplate.create(
        {
          ...input,
          id,
          institutionId: hospital.id,
          groupId: hospital.groupId,
          departmentId: department.id,
          specialtyCode: department.specialtyCode,
          practitionerId: input.practitionerId.toLowerCase(),
        },
        localDate(now),
      );
      await this.schedules.insertTemplate(template.snapshot());
      return template.snapshot();
    });
  }
}
