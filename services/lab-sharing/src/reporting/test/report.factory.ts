import { v7 as uuidv7 } from 'uuid';
import { type DataClass } from '../../common/data-class';
import { type OrderSnapshot } from '../../orders/domain/order';
import { CriticalValueAlert } from '../domain/critical-value';
import { Report } from '../domain/report';
import { TurnaroundTargets } from '../domain/turnaround-targets';

/** The report a performed order opens at `at`, on the default turnaround targets; a general item unless told. */
export function anOpenReport(order: OrderSnapshot, at: Date, itemDataClass: DataClass = 'general'): Report {
  return Report.open({ id: uuidv7(), itemDataClass }, order, TurnaroundTargets.defaults(), at);
}

/**
 * A critical potassium raised at `at` on the first version of the order's report, for the ordering site (or the
 * institution named) to acknowledge within 15 minutes.
 */
export function aRaisedAlert(
  order: OrderSnapshot,
  reportId: string,
  at: Date,
  orderingInstitutionId = order.orderingInstitutionId,
): CriticalValueAlert {
  return CriticalValueAlert.raise(
    {
      id: uuidv7(),
      reportId,
      reportVersion: 1,
      orderId: order.id,
      groupId: order.groupId,
      centreId: order.centreId,
      orderingInstitutionId,
      patientResidentId: order.patientResidentId,
      note: '血钾 6.8 mmol/L',
    },
    15,
    at,
  );
}
