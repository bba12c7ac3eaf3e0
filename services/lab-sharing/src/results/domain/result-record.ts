import { type DataClass } from '../../common/data-class';
import { type ItemKind } from '../../common/exam-kinds';
import { type OrderSnapshot } from '../../orders/domain/order';
import { type PerformerQuality, type RecognitionCandidate } from '../../recognition/domain/already-done';
import { type Modality } from '../../recognition/domain/catalogue-item';
import { type Observation } from '../../reporting/domain/observation';
import { type Report } from '../../reporting/domain/report';
import { ResultsError, ResultsErrorCode } from './results-error';

/** The performing institution as the registry and its quality record know it. */
export interface Performer {
  readonly institutionId: string;
  readonly groupId: string | null;
  /** Its city: the region of regional recognition. */
  readonly regionId: string | null;
  readonly quality: PerformerQuality;
}

/** An imaging study kept by reference: the pixels stay in the performing site's PACS. */
export interface StudyReference {
  readonly studyInstanceUid: string;
  readonly accessionNumber: string;
  readonly modalities: readonly Modality[];
}

/** `final` as first signed, `amended` after a later version, `entered-in-error` withdrawn: never reused. */
export type ResultStatus = 'final' | 'amended' | 'entered-in-error';

export interface ResultRecordSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly itemKind: ItemKind;
  /** The order and report it came from; null for a result a partner LIS or PACS recorded directly. */
  readonly orderId: string | null;
  readonly reportId: string | null;
  readonly reportVersion: number;
  readonly performer: Performer;
  readonly performedAt: Date;
  readonly reportedAt: Date;
  readonly observations: readonly Observation[];
  readonly conclusion: string;
  readonly study: StudyReference | null;
  readonly dataClass: DataClass;
  readonly status: ResultStatus;
  /** Why it was withdrawn, once entered in error. */
  readonly enteredInErrorReason: string | null;
  readonly version: number;
}

/** A result a partner's LIS or PACS records directly, its values already checked. */
export interface PartnerResult {
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly itemKind: ItemKind;
  readonly itemDataClass: DataClass;
  readonly performedAt: Date;
  readonly reportedAt: Date;
  readonly observations: readonly Observation[];
  readonly conclusion: string;
  readonly study: StudyReference | null;
}

export type ResultChange = 'recorded' | 'amended' | 'entered-in-error';

export interface ResultChanged {
  readonly change: ResultChange;
  readonly result: ResultRecordSnapshot;
}

/**
 * A signed result in the region's result registry (结果登记): the report's version in force, its observations,
 * the performing institution (where the exam was done, the primary site) and when; imaging studies by reference.
 * It follows its report's amendments, and is never reused once entered in error. Its data class is the item's,
 * raised by the report's content, and decides who may read its values (ResultAccess).
 */
export class ResultRecord {
  private events: ResultChanged[] = [];

  private constructor(private state: ResultRecordSnapshot) {}

  static fromReport(id: string, report: Report, order: OrderSnapshot, performer: Performer): ResultRecord {
    const current = report.current;
    const signed = report.snapshot();
    if (!current || signed.status !== 'signed') {
      throw new ResultsError(ResultsErrorCode.NotSigned, 'only a signed report enters the result registry');
    }
    if (order.id !== signed.orderId || order.performedAt === null) {
      throw new ResultsError(ResultsErrorCode.ReportOfAnotherResult, 'the order is not the report’s');
    }
    const record = new ResultRecord({
      id,
      groupId: signed.groupId,
      patientResidentId: signed.patientResidentId,
      itemCode: signed.itemCode,
      itemKind: signed.itemKind,
      orderId: order.id,
      reportId: signed.id,
      reportVersion: current.number,
      performer,
      performedAt: order.performedAt,
      reportedAt: current.signedAt,
      observations: current.content.observations,
      conclusion: current.content.conclusion,
      study:
        order.exam?.kind === 'imaging-study'
          ? {
              studyInstanceUid: order.exam.study.studyInstanceUid,
              accessionNumber: order.exam.study.accessionNumber,
              modalities: [...order.exam.study.modalities],
            }
          : null,
      dataClass: report.dataClass(),
      status: 'final',
      enteredInErrorReason: null,
      version: 1,
    });
    record.record('recorded');
    return record;
  }

  /** A result sent by a partner system for its own institution, the performer; as first signed (`final`). */
  static fromPartner(id: string, result: PartnerResult, performer: Performer): ResultRecord {
    if (result.performedAt.getTime() > result.reportedAt.getTime()) {
      throw new ResultsError(
        ResultsErrorCode.ReportedBeforePerformed,
        'a result is reported after it was performed',
        'reportedAt',
      );
    }
    const record = new ResultRecord({
      id,
      groupId: result.groupId,
      patientResidentId: result.patientResidentId,
      itemCode: result.itemCode,
      itemKind: result.itemKind,
      orderId: null,
      reportId: null,
      reportVersion: 1,
      performer,
      performedAt: result.performedAt,
      reportedAt: result.reportedAt,
      observations: [...result.observations],
      conclusion: result.conclusion,
      study: result.study,
      dataClass: result.itemDataClass,
      status: 'final',
      enteredInErrorReason: null,
      version: 1,
    });
    record.record('recorded');
    return record;
  }

  get id(): string {
    return this.state.id;
  }

  static restore(snapshot: ResultRecordSnapshot): ResultRecord {
    return new ResultRecord(snapshot);
  }

  /** Follows an amended report: the registry shows the version in force. An older version than kept changes nothing. */
  followAmendment(report: Report): void {
    const current = report.current;
    if (report.id !== this.state.reportId || !current) {
      throw new ResultsError(ResultsErrorCode.ReportOfAnotherResult, 'the report is not this result’s');
    }
    if (this.state.status === 'entered-in-error') {
      throw new ResultsError(ResultsErrorCode.AlreadyEnteredInError, 'the result was entered in error');
    }
    if (current.number <= this.state.reportVersion) return;
    this.state = {
      ...this.state,
      reportVersion: current.number,
      reportedAt: current.signedAt,
      observations: current.content.observations,
      conclusion: current.content.conclusion,
      dataClass: report.dataClass(),
      status: 'amended',
      version: this.state.version + 1,
    };
    this.record('amended');
  }

  /** Withdrawn (wrong patient, wrong specimen): kept, shown as such, never reused. */
  enteredInError(reason: string): void {
    if (this.state.status === 'entered-in-error') {
      throw new ResultsError(
        ResultsErrorCode.AlreadyEnteredInError,
        'the result was entered in error already',
      );
    }
    if (!reason.trim()) {
      throw new ResultsError(
        ResultsErrorCode.ReasonRequired,
        'withdrawing a result needs a reason',
        'reason',
      );
    }
    this.state = {
      ...this.state,
      status: 'entered-in-error',
      enteredInErrorReason: reason.trim(),
      version: this.state.version + 1,
    };
    this.record('entered-in-error');
  }

  /** What the "already done?" rule reads of it. */
  asCandidate(): RecognitionCandidate {
    return {
      resultId: this.state.id,
      itemCode: this.state.itemCode,
      performedAt: this.state.performedAt,
      performingInstitutionId: this.state.performer.institutionId,
      performingGroupId: this.state.performer.groupId,
      performingRegionId: this.state.performer.regionId,
      quality: this.state.performer.quality,
      enteredInError: this.state.status === 'entered-in-error',
    };
  }

  snapshot(): ResultRecordSnapshot {
    return { ...this.state, observations: [...this.state.observations] };
  }

  pullEvents(): ResultChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(change: ResultChange): void {
    this.events.push({ change, result: this.snapshot() });
  }
}
