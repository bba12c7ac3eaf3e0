import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter } from '@medgrid/telemetry';
import { CriticalValueAlert, type CriticalValueAlertSnapshot } from '../../domain/critical-value';
import { CriticalValueAlertRepository } from '../../domain/critical-value-alert.repository';
import { ReportingError, ReportingErrorCode } from '../../domain/reporting-error';
import { ReportingEventPublisher } from '../../domain/reporting-event-publisher';
import { ReportingAccess } from '../reporting-access.policy';
import { type AcknowledgeCriticalValueCommand } from './acknowledge-critical-value.command';

const acknowledged = counter(
  'medgrid_lab_sharing_critical_values_acknowledged_total',
  'Critical values acknowledged by the ordering site, on time or late',
  ['late'],
);

/**
 * AcknowledgeCriticalValue: a clinician (the token names a practitioner) of the ordering institution takes the
 * critical value; who and when are recorded, late or not. A retry gets the alert as it is.
 */
@Injectable()
export class AcknowledgeCriticalValueUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: CriticalValueAlertRepository,
    private readonly requests: ClientRequests,
    private readonly events: ReportingEventPublisher,
  ) {}

  async execute(
    identity: Identity,
    command: AcknowledgeCriticalValueCommand,
    now = new Date(),
  ): Promise<CriticalValueAlertSnapshot> {
    ReportingAccess.require(ReportingAccess.canAcknowledge(identity), 'acknowledge critical values');
    const done = await this.uow.run(async () => {
      const found = await this.alerts.find(command.criticalValueId, true);
      if (!found) {
        throw new ReportingError(
          ReportingErrorCode.CriticalValueNotFound,
          'no critical value with this id',
          'criticalValueId',
        );
      }
      if (found.orderingInstitutionId !== identity.institutionId) {
        // Checked before the retry, so another institution learns nothing from a reused request id.
        CriticalValueAlert.restore(found).acknowledge(identity, now);
      }
      if (await this.requests.isRetry(clientRequestOf('acknowledge-critical-value', command), found.id)) {
        return { alert: found, late: null };
      }
      const alert = CriticalValueAlert.restore(found);
      alert.acknowledge(identity, now);
      await this.alerts.update(alert.snapshot(), found.version);
      await this.events.criticalValuesChanged(alert.pullEvents());
      return { alert: alert.snapshot(), late: alert.isLate(now) };
    });
    if (done.late !== null) acknowledged.inc({ late: String(done.late) });
    return done.alert;
  }
}
