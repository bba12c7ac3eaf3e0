import { AppError, type ErrorCategory, type FieldViolation } from '@medgrid/errors';

/** Every rule of the purchasing context that a request can break; the code names the rule. */
export enum PurchasingErrorCode {
  InvalidRequisition = 'INVALID_REQUISITION',
  ItemNotStocked = 'ITEM_NOT_STOCKED',
  InvalidQuantity = 'INVALID_QUANTITY',
  DuplicateLine = 'DUPLICATE_LINE',
  UnknownDrug = 'UNKNOWN_DRUG',
  RequisitionNotOpen = 'REQUISITION_NOT_OPEN',
  InvalidDelivery = 'INVALID_DELIVERY',
  NotOnOrder = 'NOT_ON_ORDER',
  DeliveryExceedsOrder = 'DELIVERY_EXCEEDS_ORDER',
  SubstituteNotEquivalent = 'SUBSTITUTE_NOT_EQUIVALENT',
  OrderClosed = 'PURCHASE_ORDER_CLOSED',
  DuplicateDelivery = 'DELIVERY_ALREADY_SETTLED',
  InvalidPayment = 'INVALID_PAYMENT',
  Overpayment = 'PAYMENT_EXCEEDS_BALANCE',
  Forbidden = 'PURCHASING_ACCESS_DENIED',
  NotFound = 'PURCHASING_NOT_FOUND',
  InstitutionNotKnown = 'INSTITUTION_NOT_KNOWN',
}

function categoryOf(code: PurchasingErrorCode): ErrorCategory {
  switch (code) {
    case PurchasingErrorCode.InvalidRequisition:
    case PurchasingErrorCode.ItemNotStocked:
    case PurchasingErrorCode.InvalidQuantity:
    case PurchasingErrorCode.DuplicateLine:
    case PurchasingErrorCode.UnknownDrug:
    case PurchasingErrorCode.InvalidDelivery:
    case PurchasingErrorCode.NotOnOrder:
    case PurchasingErrorCode.DeliveryExceedsOrder:
    case PurchasingErrorCode.SubstituteNotEquivalent:
    case PurchasingErrorCode.InvalidPayment:
    case PurchasingErrorCode.Overpayment:
      return 'invalid-argument';
    case PurchasingErrorCode.RequisitionNotOpen:
    case PurchasingErrorCode.OrderClosed:
    case PurchasingErrorCode.InstitutionNotKnown:
      return 'failed-precondition';
    case PurchasingErrorCode.Forbidden:
      return 'permission-denied';
    case PurchasingErrorCode.NotFound:
      return 'not-found';
    case PurchasingErrorCode.DuplicateDelivery:
      return 'already-exists';
  }
}

/** Every failure of the purchasing context, by code: the context's one error class. */
export class PurchasingError extends AppError {
  constructor(
    code: PurchasingErrorCode,
    message: string,
    field?: string,
    violations: readonly FieldViolation[] = field ? [{ field, reason: code, description: message }] : [],
  ) {
    super(categoryOf(code), code, message, violations);
  }

  /** Several fields broken at once (a requisition's or a delivery's lines), every one named. */
  static invalid(code: PurchasingErrorCode, violations: readonly FieldViolation[]): PurchasingError {
    return new PurchasingError(
      code,
      violations.map((v) => `${v.field}: ${v.description}`).join('; '),
      undefined,
      violations,
    );
  }
}
