import { Injectable } from '@nestjs/common';
import {
  CriticalValueAcknowledgedEvent,
  CriticalValueEscalatedEvent,
  CriticalValueRaisedEvent,
  ReportAmendedEvent,
  ReportSignedEvent,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { criticalValueToProto, reportToProto } from '../../contracts/report.proto-mapper';
import { type CriticalValueChanged } from '../../domain/critical-value';
import { type ReportChanged } from '../../domain/report';
import { ReportingEventPublisher } from '../../domain/reporting-event-publisher';

/**
 * Writes reporting's events to the outbox in the caller's transaction: signatures and amendments keyed by report
 * id (the draft left out: it is the centre's work in progress), critical values keyed by alert id.
 */
@Injectable()
export class ReportingOutboxPublisher extends ReportingEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async reportsChanged(events: readonly ReportChanged[]): Promise<void> {
    for (const { change, report } of events) {
      if (change !== 'signed' && change !== 'amended') continue;
      const message = {
        aggregateId: report.id,
        aggregateVersion: report.version,
        occurredAt: new Date(),
        payload: { report: reportToProto({ ...report, draft: null }) },
      };
      if (change === 'signed') await this.outbox.append(ReportSignedEvent, message);
      else await this.outbox.append(ReportAmendedEvent, message);
    }
  }

  async criticalValuesChanged(events: readonly CriticalValueChanged[]): Promise<void> {
    for (const { change, alert } of events) {
      const message = {
        aggregateId: alert.id,
        aggregateVersion: alert.version,
        occurredAt: new Date(),
        payload: { criticalValue: criticalValueToProto(alert) },
      };
      switch (change) {
        case 'raised':
          await this.outbox.append(CriticalValueRaisedEvent, message);
          break;
        case 'acknowledged':
          await this.outbox.append(CriticalValueAcknowledgedEvent, message);
          break;
        case 'escalated':
          await this.outbox.append(CriticalValueEscalatedEvent, message);
          break;
      }
    }
  }
}
