import { type OrderSnapshot } from '../../orders/domain/order';
import { type ReportSnapshot } from './report';

/**
 * Where reporting hands every signed version of a report: the result registry (the results context implements
 * this port and is bound in the module, since results sits above reporting). Called inside the transaction that
 * stores the signature or the amendment, so the report and its result commit or roll back together.
 *
 * - `report` is the report as stored after the step: status `signed`, its last version the one in force
 *   (number 1 on the first signature, higher after each amendment; `Report.restore(report)` gives the aggregate).
 * - `order` is the report's order (`order.id === report.orderId`): the performing site (the ordering
 *   institution), when it was performed, and its exam data (the imaging study kept by reference).
 * - `at` is the moment of the signature or amendment.
 */
export abstract class SignedResults {
  abstract keep(report: ReportSnapshot, order: OrderSnapshot, at: Date): Promise<void>;
}
