import { type FieldViolation } from '@medgrid/errors';
import { isPositiveQuantity } from '../../common/fen';
import { type Drug } from '../../catalogue/domain/drug';
import { type Formulary } from '../../formulary/domain/formulary';
import { PurchasingError, PurchasingErrorCode } from './purchasing-error';

export const REQUISITION_LINES_MAX = 200;

export interface RequisitionLine {
  readonly drugCode: string;
  /** Packs asked for. */
  readonly quantity: number;
}

export type RequisitionStatus = 'open' | 'ordered' | 'cancelled';

export interface RequisitionSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly lines: readonly RequisitionLine[];
  readonly status: RequisitionStatus;
  /** The purchase orders its lines went into, once ordered. */
  readonly purchaseOrderIds: readonly string[];
  readonly raisedAt: Date;
}

/** What a requisition reads of the catalogue: the drug in force. */
export interface RequisitionCatalogue {
  drugAt(code: string, at: Date): Drug | undefined;
}

/**
 * A requisition (请领单): an institution asks the group's purchasing centre for packs of drugs on its formulary.
 * Every line names a drug the institution stocks and in force in the catalogue, once, and a whole positive number
 * of packs; every broken line is named at once and nothing is raised. An open requisition waits for the centre's
 * next aggregation into purchase orders, and may be cancelled until then.
 */
export class Requisition {
  private constructor(private state: RequisitionSnapshot) {}

  static raise(
    input: { readonly id: string; readonly lines: readonly RequisitionLine[] },
    formulary: Formulary,
    catalogue: RequisitionCatalogue,
    at: Date,
  ): Requisition {
    const violations: FieldViolation[] = [];
    const add = (field: string, reason: PurchasingErrorCode, description: string) =>
      violations.push({ field, reason, description });
    if (input.lines.length === 0) add('lines', PurchasingErrorCode.InvalidRequisition, 'at least one line');
    if (input.lines.length > REQUISITION_LINES_MAX) {
      add('lines', PurchasingErrorCode.InvalidRequisition, `at most ${REQUISITION_LINES_MAX} lines`);
    }
    const seen = new Map<string, number>();
    input.lines.forEach((line, index) => {
      const path = `lines[${index}]`;
      const first = seen.get(line.drugCode);
      if (first !== undefined) {
        add(`${path}.drugCode`, PurchasingErrorCode.DuplicateLine, `already lines[${first}]`);
      } else {
        seen.set(line.drugCode, index);
        if (!catalogue.drugAt(line.drugCode, at)) {
          add(
            `${path}.drugCode`,
            PurchasingErrorCode.UnknownDrug,
            `drug ${line.drugCode} is not in the group's catalogue`,
          );
        } else if (!formulary.stocks(line.drugCode)) {
          add(
            `${path}.drugCode`,
            PurchasingErrorCode.ItemNotStocked,
            `drug ${line.drugCode} is not on the institution's formulary`,
          );
        }
      }
      if (!isPositiveQuantity(line.quantity)) {
        add(`${path}.quantity`, PurchasingErrorCode.InvalidQuantity, 'a whole number of packs, at least 1');
      }
    });
    if (violations.length) throw PurchasingError.invalid(PurchasingErrorCode.InvalidRequisition, violations);
    return new Requisition({
      id: input.id,
      institutionId: formulary.institutionId,
      lines: input.lines.map(({ drugCode, quantity }) => ({ drugCode, quantity })),
      status: 'open',
      purchaseOrderIds: [],
      raisedAt: at,
    });
  }

  static restore(snapshot: RequisitionSnapshot): Requisition {
    return new Requisition(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get institutionId(): string {
    return this.state.institutionId;
  }

  get status(): RequisitionStatus {
    return this.state.status;
  }

  get lines(): readonly RequisitionLine[] {
    return this.state.lines;
  }

  get raisedAt(): Date {
    return this.state.raisedAt;
  }

  cancel(): void {
    this.checkOpen();
    this.state = { ...this.state, status: 'cancelled' };
  }

  /** Its lines went into these purchase orders. */
  markOrdered(purchaseOrderIds: readonly string[]): void {
    this.checkOpen();
    this.state = { ...this.state, status: 'ordered', purchaseOrderIds: [...purchaseOrderIds] };
  }

  snapshot(): RequisitionSnapshot {
    return this.state;
  }

  private checkOpen(): void {
    if (this.state.status !== 'open') {
      throw new PurchasingError(
        PurchasingErrorCode.RequisitionNotOpen,
        `requisition ${this.state.id} is ${this.state.status}, no longer open`,
        'requisitionId',
      );
    }
  }
}
