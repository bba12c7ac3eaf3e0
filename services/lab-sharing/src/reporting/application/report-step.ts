import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter, histogram } from '@medgrid/telemetry';
import { v7 as uuidv7 } from 'uuid';
import { type CentreReporter, type SharedCentre } from '../../centres/domain/shared-centre';
import { SharedCentreRepository } from '../../centres/domain/shared-centre.repository';
import { Order } from '../../orders/domain/order';
import { OrderEventPublisher } from '../../orders/domain/order-event-publisher';
import { OrderRepository } from '../../orders/domain/order.repository';
import { CriticalValueAlert, type CriticalValueAlertSnapshot } from '../domain/critical-value';
import { CriticalValueAlertRepository } from '../domain/critical-value-alert.repository';
import { Report, type ReportChanged, type ReportSnapshot } from '../domain/report';
import { ReportRepository } from '../domain/report.repository';
import { ReportingError, ReportingErrorCode } from '../domain/reporting-error';
import { ReportingEventPublisher } from '../domain/reporting-event-publisher';
import { SignedResults } from '../domain/signed-results';
import { ReportingAccess } from './reporting-access.policy';
import { ReportingPractitioners } from './reporting-practitioners';
import { ReportingRules } from './reporting-rules';

const signed = counter('medgrid_lab_sharing_reports_signed_total', 'Reports signed, per centre', [
  'centre',
  'kind',
  'urgency',
]);
const amended = counter('medgrid_lab_sharing_reports_amended_total', 'Report amendments, per centre', [
  'centre',
  'kind',
]);
const turnaround = histogram(
  'medgrid_lab_sharing_report_turnaround_minutes',
  'Minutes from the exam data reaching the centre to the signature, with whether the target was met',
  ['centre', 'kind', 'urgency', 'within_target'],
  [5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 7200],
);
const raised = counter('medgrid_lab_sharing_critical_values_raised_total', 'Critical values raised', [
  'centre',
]);

export type ReportOperation =
  'claim-report' | 'release-report' | 'save-draft' | 'sign-report' | 'amend-report';

/** What a step on a report answers: the report as it now is and the critical value it raised, if any. */
export interface ReportStepDone {
  readonly report: ReportSnapshot;
  readonly criticalValue: CriticalValueAlertSnapshot | null;
}

/**
 * How every reporter's step on a report runs: found and locked, the caller checked as staff of the centre's host
 * and as a reporter the centre finds fit for the item (a registered practitioner of the host with the right
 * specialty), a retry answered with the report as it is, the change stored from the version read. A signature
 * or an amendment also, in the same transaction: marks the order reported (first signature), hands the version
 * to the result registry (SignedResults), raises a critical value to the ordering site when the version carries
 * one, and puts the events in the outbox. Counted once committed.
 */
@Injectable()
export class ReportStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly alerts: CriticalValueAlertRepository,
    private readonly centres: SharedCentreRepository,
    private readonly practitioners: ReportingPractitioners,
    private readonly orders: OrderRepository,
    private readonly orderEvents: OrderEventPublisher,
    private readonly signedResults: SignedResults,
    private readonly requests: ClientRequests,
    private readonly events: ReportingEventPublisher,
    private readonly rules: ReportingRules,
  ) {}

  async run(
    identity: Identity,
    operation: ReportOperation,
    command: { readonly clientRequestId: string; readonly reportId: string },
    action: string,
    apply: (report: Report, reporter: CentreReporter) => void,
    now: Date,
  ): Promise<ReportStepDone> {
    const done = await this.uow.run(async () => {
      if (operation === 'sign-report') {
        // A signature changes the order too. CancelOrder locks the order, then its report; locking the order
        // first here as well keeps the two from waiting on each other (a deadlock) when they meet.
        const peek = await this.reports.find(command.reportId, false);
        if (peek) await this.orders.find(peek.orderId, true);
      }
      const found = await this.reports.find(command.reportId, true);
      if (!found) {
        throw new ReportingError(ReportingErrorCode.ReportNotFound, 'no report with this id', 'reportId');
      }
      const centre = await this.centres.findById(found.centreId);
      ReportingAccess.require(
        centre !== null && ReportingAccess.canWorkAt(identity, centre.snapshot()),
        action,
      );
      if (await this.requests.isRetry(clientRequestOf(operation, command), found.id)) {
        return { report: found, criticalValue: null, events: [] as ReportChanged[] };
      }
      const reporter = await this.reporterOf(identity, centre!, found);
      const report = Report.restore(found);
      apply(report, reporter);
      await this.reports.update(report.snapshot(), found.version);
      const events = report.pullEvents();
      let criticalValue: CriticalValueAlertSnapshot | null = null;
      for (const event of events) {
        if (event.change !== 'signed' && event.change !== 'amended') continue;
        criticalValue = (await this.handOver(event, now)) ?? criticalValue;
      }
      await this.events.reportsChanged(events);
      return { report: report.snapshot(), criticalValue, events };
    });
    for (const event of done.events) this.count(event);
    return { report: done.report, criticalValue: done.criticalValue };
  }

  /** The caller as a reporter of the report's centre for its item kind, or the reason it is not one. */
  private async reporterOf(
    identity: Identity,
    centre: SharedCentre,
    report: ReportSnapshot,
  ): Promise<CentreReporter> {
    if (!identity.practitionerId) {
      throw new ReportingError(
        ReportingErrorCode.ReporterRequired,
        'a report is worked on by a practitioner: the token must name one',
      );
    }
    const practitioner = await this.practitioners.find(identity.practitionerId);
    if (!practitioner) {
      throw new ReportingError(
        ReportingErrorCode.ReporterOfAnotherCentre,
        'the registry knows no practitioner of this id (yet)',
        'practitionerId',
      );
    }
    return centre.reporterFor(practitioner, report.itemKind);
  }

  /** A signed version leaves the centre: the order reported, the result kept, a critical value raised. */
  private async handOver(event: ReportChanged, now: Date): Promise<CriticalValueAlertSnapshot | null> {
    const report = event.report;
    const orderRow = await this.orders.find(report.orderId, true);
    if (!orderRow) throw new Error(`report ${report.id} has no order ${report.orderId}`);
    let order = orderRow;
    if (event.change === 'signed') {
      const reported = Order.restore(orderRow);
      reported.reported(report.id, now);
      await this.orders.update(reported.snapshot(), orderRow.version);
      await this.orderEvents.ordersChanged(reported.pullEvents());
      order = reported.snapshot();
    }
    await this.signedResults.keep(report, order, now);
    const version = report.versions.at(-1)!;
    if (!event.critical) return null;
    const alert = CriticalValueAlert.raise(
      {
        id: uuidv7(),
        reportId: report.id,
        reportVersion: version.number,
        orderId: report.orderId,
        groupId: report.groupId,
        centreId: report.centreId,
        orderingInstitutionId: report.orderingInstitutionId,
        patientResidentId: report.patientResidentId,
        note: version.content.criticalNote ?? '',
      },
      this.rules.acknowledgeWithinMinutes,
      now,
    );
    await this.alerts.insert(alert.snapshot());
    await this.events.criticalValuesChanged(alert.pullEvents());
    this.uow.afterCommit(() => raised.inc({ centre: report.centreId }));
    return alert.snapshot();
  }

  private count(event: ReportChanged): void {
    const r = event.report;
    if (event.change === 'amended') amended.inc({ centre: r.centreId, kind: r.itemKind });
    if (event.change !== 'signed') return;
    const version = r.versions.at(-1)!;
    const minutes = (version.signedAt.getTime() - r.receivedAt.getTime()) / 60_000;
    const withinTarget = version.signedAt.getTime() <= r.dueAt.getTime() ? 'true' : 'false';
    signed.inc({ centre: r.centreId, kind: r.itemKind, urgency: r.urgency });
    turnaround.observe(
      { centre: r.centreId, kind: r.itemKind, urgency: r.urgency, within_target: withinTarget },
      minutes,
    );
  }
}
