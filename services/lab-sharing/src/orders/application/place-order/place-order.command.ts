import { parseFields, requestField } from '@medgrid/errors';
import { perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { type Urgency } from '../../../common/urgency';
import { CLINICAL_INFO_MAX } from '../../domain/order';
import { orderField } from '../order-fields';

function fieldsOn(now: Date) {
  return z.object({
    clientRequestId: requestField.uuid(),
    orderingInstitutionId: requestField.optionalUuid(),
    orderingPractitionerId: requestField.optionalUuid(),
    patientResidentId: orderField.residentId(now),
    itemCode: requestField.text(32).transform((code) => code.toUpperCase()),
    centreId: requestField.optionalUuid(),
    clinicalInfo: requestField.text(CLINICAL_INFO_MAX),
    urgency: requestField.present<Urgency>('routine, urgent or emergency'),
    referralId: requestField.optionalUuid(),
    lookupId: requestField.optionalUuid(),
  });
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type PlaceOrderInput = z.input<ReturnType<typeof fieldsOn>>;

/** PlaceOrder: a primary site orders an item of its region's catalogue from its group's centre. */
export class PlaceOrderCommand {
  private constructor(
    readonly clientRequestId: string,
    /** Undefined for the caller's institution. */
    readonly orderingInstitutionId: string | undefined,
    /** Undefined for the practitioner the caller's token names. */
    readonly orderingPractitionerId: string | undefined,
    /** GB 11643, upper case. */
    readonly patientResidentId: string,
    /** Upper case, as the catalogue keeps codes. */
    readonly itemCode: string,
    /** Undefined for the group's active centre of the item's kind serving the site. */
    readonly centreId: string | undefined,
    readonly clinicalInfo: string,
    readonly urgency: Urgency,
    readonly referralId: string | undefined,
    readonly lookupId: string | undefined,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: PlaceOrderInput, now = new Date()): PlaceOrderCommand {
    const f = parseFields(fieldsOfDay(now), input);
    return new PlaceOrderCommand(
      f.clientRequestId,
      f.orderingInstitutionId,
      f.orderingPractitionerId,
      f.patientResidentId,
      f.itemCode,
      f.centreId,
      f.clinicalInfo,
      f.urgency,
      f.referralId,
      f.lookupId,
    );
  }
}
