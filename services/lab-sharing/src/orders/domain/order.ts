import { RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { type SharedCentre } from '../../centres/domain/shared-centre';
import { type DataClass } from '../../common/data-class';
import { type ItemKind } from '../../common/exam-kinds';
import { type Urgency } from '../../common/urgency';
import { type CatalogueItem, type Modality, type Specimen } from '../../recognition/domain/catalogue-item';
import { type RecognitionLookupSnapshot } from '../../recognition/domain/recognition-lookup';
import {
  type EcgTraceReference,
  ecgTraceViolations,
  type ExamData,
  type ImagingStudyReference,
  imagingStudyViolations,
  type LabSpecimen,
  specimenViolations,
} from './exam-data';
import { OrderError, OrderErrorCode } from './order-error';

/**
 * - `placed`: ordered at the primary site; the exam is still to be performed there.
 * - `performed`: its data (study, trace, specimen) went to the centre; on the centre's worklist.
 * - `reported`: the centre signed its report.
 * - `cancelled`: withdrawn by the ordering site before a report was signed.
 */
export type OrderStatus = 'placed' | 'performed' | 'reported' | 'cancelled';

/** What an order keeps of its catalogue item, so its rules hold even if the catalogue changes later. */
export interface OrderedItem {
  readonly code: string;
  readonly kind: ItemKind;
  readonly modality: Modality | null;
  readonly specimen: Specimen | null;
  /** The item's data class when ordered: what its report starts from (a report may raise it). */
  readonly dataClass: DataClass;
}

export interface OrderSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly centreId: string;
  readonly orderingInstitutionId: string;
  readonly orderingPractitionerId: string;
  readonly patientResidentId: string;
  readonly item: OrderedItem;
  readonly clinicalInfo: string;
  readonly urgency: Urgency;
  readonly referralId: string | null;
  /** The "already done?" look-up the order followed, if any. */
  readonly lookupId: string | null;
  readonly status: OrderStatus;
  readonly placedAt: Date;
  readonly exam: ExamData | null;
  readonly performedAt: Date | null;
  readonly reportId: string | null;
  readonly reportedAt: Date | null;
  readonly cancelReason: string | null;
  readonly cancelledAt: Date | null;
  readonly version: number;
}

export interface NewOrder {
  readonly id: string;
  readonly orderingInstitutionId: string;
  readonly orderingPractitionerId: string;
  readonly patientResidentId: string;
  readonly clinicalInfo: string;
  readonly urgency: Urgency;
  readonly referralId: string | null;
}

export type OrderChange = 'placed' | 'performed' | 'reported' | 'cancelled';

export interface OrderChanged {
  readonly change: OrderChange;
  readonly order: OrderSnapshot;
}

export const CLINICAL_INFO_MAX = 2000;
export const CANCEL_REASON_MAX = 500;

/**
 * An order to a shared centre (检查检验申请), placed at a primary site for one catalogue item: the site performs the
 * exam and sends its data, the centre reports (基层检查、上级诊断). The patient is a valid resident identity number;
 * the centre takes the item's kind from the ordering institution; an order that follows an "already done?"
 * look-up which offered a recognised result goes ahead only once the site decided to order anyway, with a reason.
 */
export class Order {
  private events: OrderChanged[] = [];

  private constructor(private state: OrderSnapshot) {}

  static place(
    input: NewOrder,
    item: CatalogueItem,
    centre: SharedCentre,
    lookup: RecognitionLookupSnapshot | null,
    now: Date,
  ): Order {
    const resident = ResidentId.parse(input.patientResidentId, now);
    if (typeof resident === 'string') {
      throw new OrderError(
        OrderErrorCode.InvalidResidentId,
        RESIDENT_ID_PROBLEM_TEXT[resident],
        'patientResidentId',
      );
    }
    const clinicalInfo = input.clinicalInfo.trim();
    if (!clinicalInfo || clinicalInfo.length > CLINICAL_INFO_MAX) {
      throw new OrderError(
        OrderErrorCode.InvalidClinicalInfo,
        `clinical information of 1-${CLINICAL_INFO_MAX} characters tells the centre why the exam is asked`,
        'clinicalInfo',
      );
    }
    centre.checkTakesOrder(input.orderingInstitutionId, item.kind);
    if (lookup) Order.checkLookup(lookup, input, resident.value, item.code);
    const consultation = item.kind === 'remote-consultation';
    const order = new Order({
      id: input.id,
      groupId: centre.groupId,
      centreId: centre.id,
      orderingInstitutionId: input.orderingInstitutionId,
      orderingPractitionerId: input.orderingPractitionerId,
      patientResidentId: resident.value,
      item: {
        code: item.code,
        kind: item.kind,
        modality: item.modality,
        specimen: item.specimen,
        dataClass: item.dataClass,
      },
      clinicalInfo,
      urgency: input.urgency,
      referralId: input.referralId,
      lookupId: lookup?.id ?? null,
      // A consultation needs no exam at the site: it goes to the centre's worklist at once.
      status: consultation ? 'performed' : 'placed',
      placedAt: now,
      exam: consultation ? { kind: 'consultation' } : null,
      performedAt: consultation ? now : null,
      reportId: null,
      reportedAt: null,
      cancelReason: null,
      cancelledAt: null,
      version: 1,
    });
    order.record('placed');
    if (consultation) order.record('performed');
    return order;
  }

  static restore(snapshot: OrderSnapshot): Order {
    return new Order(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  /** The imaging study the site performed (imaging items). */
  attachImagingStudy(study: ImagingStudyReference, byInstitutionId: string, now: Date): void {
    this.mustPerform(byInstitutionId, 'imaging', 'study');
    const violations = imagingStudyViolations(study, this.state.placedAt, now);
    if (violations.length) throw OrderError.invalidData(violations);
    if (this.state.item.modality && !study.modalities.includes(this.state.item.modality)) {
      throw new OrderError(
        OrderErrorCode.ExamDataDoesNotFitItem,
        `the study holds no ${this.state.item.modality} series, which item ${this.state.item.code} is performed on`,
        'study.modalities',
      );
    }
    this.performed(
      { kind: 'imaging-study', study: { ...study, modalities: [...study.modalities] } },
      study.performedAt,
    );
  }

  /** The ECG trace the site recorded (ECG items). */
  attachEcgTrace(trace: EcgTraceReference, byInstitutionId: string, now: Date): void {
    this.mustPerform(byInstitutionId, 'ecg', 'trace');
    const violations = ecgTraceViolations(trace, this.state.placedAt, now);
    if (violations.length) throw OrderError.invalidData(violations);
    this.performed({ kind: 'ecg-trace', trace: { ...trace } }, trace.recordedAt);
  }

  /** The specimen the site collected (laboratory and pathology items). */
  attachSpecimen(specimen: LabSpecimen, byInstitutionId: string, now: Date): void {
    const kind = this.state.item.kind === 'pathology' ? 'pathology' : 'laboratory';
    this.mustPerform(byInstitutionId, kind, 'specimen');
    const violations = specimenViolations(specimen, this.state.placedAt, now);
    if (violations.length) throw OrderError.invalidData(violations);
    if (specimen.specimen !== this.state.item.specimen) {
      throw new OrderError(
        OrderErrorCode.ExamDataDoesNotFitItem,
        `item ${this.state.item.code} is examined on ${this.state.item.specimen}, not ${specimen.specimen}`,
        'specimen.specimen',
      );
    }
    this.performed({ kind: 'specimen', specimen: { ...specimen } }, specimen.collectedAt);
  }

  /** The centre signed the order's report. */
  reported(reportId: string, now: Date): void {
    if (this.state.status === 'reported' && this.state.reportId === reportId) return;
    if (this.state.status !== 'performed') this.illegal('record a report for');
    this.state = {
      ...this.state,
      status: 'reported',
      reportId,
      reportedAt: now,
      version: this.state.version + 1,
    };
    this.record('reported');
  }

  /** Withdrawn by the ordering site, with its reason, while no report is signed. */
  cancel(reason: string, byInstitutionId: string, now: Date): void {
    if (byInstitutionId !== this.state.orderingInstitutionId) {
      throw new OrderError(
        OrderErrorCode.NotTheOrderingSite,
        'only the ordering institution cancels an order',
      );
    }
    if (this.state.status !== 'placed' && this.state.status !== 'performed') this.illegal('cancel');
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > CANCEL_REASON_MAX) {
      throw new OrderError(
        OrderErrorCode.ReasonRequired,
        `a cancellation gives its reason in 1-${CANCEL_REASON_MAX} characters`,
        'reason',
      );
    }
    this.state = {
      ...this.state,
      status: 'cancelled',
      cancelReason: trimmed,
      cancelledAt: now,
      version: this.state.version + 1,
    };
    this.record('cancelled');
  }

  snapshot(): OrderSnapshot {
    return { ...this.state };
  }

  pullEvents(): OrderChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private static checkLookup(
    lookup: RecognitionLookupSnapshot,
    input: NewOrder,
    patientResidentId: string,
    itemCode: string,
  ): void {
    if (
      lookup.patientResidentId !== patientResidentId ||
      lookup.itemCode !== itemCode ||
      lookup.orderingInstitutionId !== input.orderingInstitutionId
    ) {
      throw new OrderError(
        OrderErrorCode.LookupDoesNotFit,
        'the look-up was for another patient, item or institution',
        'lookupId',
      );
    }
    if (lookup.outcome === 'pending' || lookup.outcome === 'reused') {
      throw new OrderError(
        OrderErrorCode.RepeatNeedsDecision,
        lookup.outcome === 'reused'
          ? 'the site reused a recognised result instead of ordering'
          : 'a recognised result was offered: reuse it, or order anyway with a reason',
        'lookupId',
      );
    }
  }

  private mustPerform(byInstitutionId: string, kind: ItemKind, field: string): void {
    if (byInstitutionId !== this.state.orderingInstitutionId) {
      throw new OrderError(
        OrderErrorCode.NotTheOrderingSite,
        'the exam is performed, and its data sent, by the ordering institution',
      );
    }
    if (this.state.item.kind !== kind) {
      throw new OrderError(
        OrderErrorCode.ExamDataDoesNotFitItem,
        `item ${this.state.item.code} is a ${this.state.item.kind} item`,
        field,
      );
    }
    if (this.state.status !== 'placed') this.illegal('attach exam data to');
  }

  private performed(exam: ExamData, performedAt: Date): void {
    this.state = { ...this.state, status: 'performed', exam, performedAt, version: this.state.version + 1 };
    this.record('performed');
  }

  private illegal(what: string): never {
    throw new OrderError(OrderErrorCode.IllegalStep, `cannot ${what} an order that is ${this.state.status}`);
  }

  private record(change: OrderChange): void {
    this.events.push({ change, order: this.snapshot() });
  }
}
