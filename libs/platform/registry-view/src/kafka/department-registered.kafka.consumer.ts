import { Injectable } from '@nestjs/common';
import { DepartmentRegisteredEvent, registryEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView } from '../registry-view';

/** Topic medgrid.registry.department.v1 (compacted) → known_department. */
@Injectable()
export class DepartmentRegisteredKafkaConsumer implements EventHandler<registryEventsV1.DepartmentRegistered> {
  readonly contract = DepartmentRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ department }: registryEventsV1.DepartmentRegistered): Promise<void> {
    if (!department?.id) return;
    await this.view.upsertDepartment({
      id: department.id,
      institutionId: department.institutionId,
      specialtyCode: department.specialtyCode,
    });
  }
}
