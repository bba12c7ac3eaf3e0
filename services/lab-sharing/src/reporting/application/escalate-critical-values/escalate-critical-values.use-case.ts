import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { counter } from '@medgrid/telemetry';
import { CriticalValueAlert } from '../../domain/critical-value';
import { CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { ReportingEventPublisher } from '../../domain/reporting-event-publisher';

const escalations = counter(
  'medgrid_lab_sharing_critical_value_escalations_total',
  'Critical values not acknowledged within the acknowledgement time, escalated',
  ['centre', 'ordering_institution'],
);

/**
 * Escalates the critical values still unacknowledged at their deadline, once each (CriticalValueEscalated), a
 * batch per transaction; SKIP LOCKED leaves alone an alert being acknowledged right now.
 */
@Injectable()
export class EscalateCriticalValuesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: CriticalValueAlertRepository,
    private readonly events: ReportingEventPublisher,
  ) {}

  async execute(now = new Date(), batch = 100): Promise<number> {
    const escalated = await this.uow.run(async () => {
      const due = await this.alerts.lockDue(now, batch);
      const done: { centre: string; ordering_institution: string }[] = [];
      for (const found of due) {
        const alert = CriticalValueAlert.restore(found);
        if (!alert.escalateIfDue(now)) continue;
        await this.alerts.update(alert.snapshot(), found.version);
        await this.events.criticalValuesChanged(alert.pullEvents());
        done.push({ centre: found.centreId, ordering_institution: found.orderingInstitutionId });
      }
      return { count: due.length, done };
    });
    for (const labels of escalated.done) escalations.inc(labels);
    return escalated.count;
  }
}
