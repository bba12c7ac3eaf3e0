import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { OrderReporting } from '../../orders/application/order-reporting';
import { type OrderSnapshot } from '../../orders/domain/order';
import { Report } from '../domain/report';
import { ReportRepository } from '../domain/report.repository';
import { ReportingRules } from './reporting-rules';

/**
 * Reporting's side of orders' OrderReporting: a performed order's report opens on its centre's worklist, due by
 * the turnaround target of its item kind and urgency; a cancelled order's open report leaves the worklist. Runs
 * inside the order's transaction.
 */
@Injectable()
export class ReportsOfOrders extends OrderReporting {
  constructor(
    private readonly reports: ReportRepository,
    private readonly rules: ReportingRules,
  ) {
    super();
  }

  async performed(order: OrderSnapshot, now: Date): Promise<void> {
    const report = Report.open(
      { id: uuidv7(), itemDataClass: order.item.dataClass },
      order,
      this.rules.targets,
      now,
    );
    await this.reports.insert(report.snapshot());
  }

  async cancelled(order: OrderSnapshot): Promise<void> {
    const found = await this.reports.findByOrder(order.id, true);
    if (!found) return;
    const report = Report.restore(found);
    report.cancel();
    if (report.snapshot().version !== found.version)
      await this.reports.update(report.snapshot(), found.version);
  }
}
