import { type FieldViolation } from '@medgrid/errors';
import { type CentreReporter } from '../../centres/domain/shared-centre';
import { DATA_CLASSES, type DataClass, moreSensitive } from '../../common/data-class';
import { type ItemKind } from '../../common/exam-kinds';
import { type Urgency } from '../../common/urgency';
import { type OrderSnapshot } from '../../orders/domain/order';
import { isCriticalFlag, type Observation, observationViolations } from './observation';
import { ReportingError, ReportingErrorCode } from './reporting-error';
import { type TurnaroundTargets } from './turnaround-targets';

/** What a reporter writes: findings (检查所见), conclusion (诊断意见), observations and the critical-value flag. */
export interface ReportContent {
  readonly findings: string;
  readonly conclusion: string;
  readonly observations: readonly Observation[];
  /** The reporter judged a critical value (危急值); an observation flagged LL or HH is one whatever this says. */
  readonly critical: boolean;
  /** What is critical, for the clinician who must acknowledge it. */
  readonly criticalNote: string | null;
  /** The reporter may raise the item's data class, e.g. for a psychiatric finding in a consultation. */
  readonly dataClass: DataClass;
}

export interface ReportVersion {
  readonly number: number;
  readonly content: ReportContent;
  readonly signedBy: string;
  readonly signedAt: Date;
  /** Null for the first signature; why it was amended otherwise. */
  readonly amendmentReason: string | null;
}

export interface ReportClaim {
  readonly practitionerId: string;
  readonly claimedAt: Date;
  /** The claimant's last save; a claim idle for the idle time may be taken over or released. */
  readonly lastActivityAt: Date;
}

/**
 * - `waiting`: on the centre's worklist, nobody has it.
 * - `in-progress`: one reporter has claimed it (and may have a draft).
 * - `signed`: signed; amendments add versions, the earlier ones kept.
 * - `cancelled`: the order was cancelled before a signature.
 */
export type ReportStatus = 'waiting' | 'in-progress' | 'signed' | 'cancelled';

export interface ReportSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly centreId: string;
  readonly groupId: string;
  readonly orderingInstitutionId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly itemKind: ItemKind;
  readonly urgency: Urgency;
  /** The item's data class when the order was placed; a version's content may raise it. */
  readonly itemDataClass: DataClass;
  readonly receivedAt: Date;
  readonly dueAt: Date;
  readonly status: ReportStatus;
  readonly claim: ReportClaim | null;
  readonly draft: ReportContent | null;
  readonly versions: readonly ReportVersion[];
  readonly version: number;
}

export type ReportChange = 'opened' | 'claimed' | 'released' | 'drafted' | 'signed' | 'amended' | 'cancelled';

export interface ReportChanged {
  readonly change: ReportChange;
  /** A signature or amendment that carries a critical value: the ordering site must be told. */
  readonly critical: boolean;
  readonly report: ReportSnapshot;
}

export const TEXT_MAX = 10_000;
export const NOTE_MAX = 500;
export const REASON_MAX = 500;
export const OBSERVATIONS_MAX = 200;

/**
 * A centre's report on one order (诊断报告). It enters the centre's worklist when the site's exam data arrives,
 * with its due time from the turnaround targets. One reporter at a time claims it; a claim idle for the idle
 * time may be taken over by another reporter or released by the sweep. The claimant drafts and signs; only a
 * reporter of this centre fit for the item's kind (a CentreReporter) claims, signs or amends. An amendment needs a
 * reason and adds a version: every signed version is kept.
 */
export class Report {
  private events: ReportChanged[] = [];

  private constructor(private state: ReportSnapshot) {}

  /** The worklist entry for an order whose exam data reached the centre. */
  static open(
    input: { id: string; itemDataClass: DataClass },
    order: OrderSnapshot,
    targets: TurnaroundTargets,
    now: Date,
  ): Report {
    if (order.status !== 'performed') {
      throw new ReportingError(
        ReportingErrorCode.IllegalStep,
        `an order that is ${order.status} is not reported`,
      );
    }
    const report = new Report({
      id: input.id,
      orderId: order.id,
      centreId: order.centreId,
      groupId: order.groupId,
      orderingInstitutionId: order.orderingInstitutionId,
      patientResidentId: order.patientResidentId,
      itemCode: order.item.code,
      itemKind: order.item.kind,
      urgency: order.urgency,
      itemDataClass: input.itemDataClass,
      receivedAt: now,
      dueAt: targets.dueAt(now, order.item.kind, order.urgency),
      status: 'waiting',
      claim: null,
      draft: null,
      versions: [],
      version: 1,
    });
    report.record('opened');
    return report;
  }

  static restore(snapshot: ReportSnapshot): Report {
    return new Report(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get status(): ReportStatus {
    return this.state.status;
  }

  /** The signed version in force. */
  get current(): ReportVersion | null {
    return this.state.versions.at(-1) ?? null;
  }

  isOverdue(now: Date): boolean {
    return (
      (this.state.status === 'waiting' || this.state.status === 'in-progress') && now >= this.state.dueAt
    );
  }

  /** Whether the claim, if any, has been idle for `idleMs` at `now`. */
  isIdle(now: Date, idleMs: number): boolean {
    const claim = this.state.claim;
    return claim !== null && now.getTime() - claim.lastActivityAt.getTime() >= idleMs;
  }

  /** Takes the report; one held by another reporter is taken over only once their claim is idle. */
  claim(reporter: CentreReporter, now: Date, idleMs: number): void {
    this.mustBeOurs(reporter);
    this.mustBeOpen('claim');
    const held = this.state.claim;
    if (held && held.practitionerId === reporter.practitionerId) {
      this.change({ claim: { ...held, lastActivityAt: now } });
      return;
    }
    if (held && !this.isIdle(now, idleMs)) {
      throw new ReportingError(
        ReportingErrorCode.ClaimedByAnother,
        'another reporter is working on this report; it is released when their claim is idle',
      );
    }
    this.change({
      status: 'in-progress',
      claim: { practitionerId: reporter.practitionerId, claimedAt: now, lastActivityAt: now },
    });
    this.record('claimed');
  }

  /** The claimant gives the report back to the worklist; the draft stays for whoever takes it next. */
  release(reporter: CentreReporter): void {
    this.mustBeOurs(reporter);
    this.mustHoldClaim(reporter);
    this.change({ status: 'waiting', claim: null });
    this.record('released');
  }

  /** The sweep's release of an idle claim; true when it released one. */
  releaseIfIdle(now: Date, idleMs: number): boolean {
    if (this.state.status !== 'in-progress' || !this.isIdle(now, idleMs)) return false;
    this.change({ status: 'waiting', claim: null });
    this.record('released');
    return true;
  }

  saveDraft(reporter: CentreReporter, content: ReportContent, now: Date): void {
    this.mustBeOurs(reporter);
    this.mustBeOpen('draft');
    const violations = contentViolations(content, 'content');
    if (violations.length) throw ReportingError.of(ReportingErrorCode.InvalidContent, violations);
    const claim = this.mustHoldClaim(reporter);
    this.change({ draft: copyOf(content), claim: { ...claim, lastActivityAt: now } });
    this.record('drafted');
  }

  /** Signs the claimant's draft: the first version. */
  sign(reporter: CentreReporter, now: Date): void {
    this.mustBeOurs(reporter);
    this.mustBeOpen('sign');
    this.mustHoldClaim(reporter);
    const draft = this.state.draft;
    if (!draft) {
      throw new ReportingError(ReportingErrorCode.IncompleteReport, 'save a draft before signing', 'content');
    }
    const content = this.completed(draft);
    this.change({
      status: 'signed',
      claim: null,
      draft: null,
      versions: [
        { number: 1, content, signedBy: reporter.practitionerId, signedAt: now, amendmentReason: null },
      ],
    });
    this.record('signed', content.critical);
  }

  /** A new signed version with its reason; the versions before it are kept. */
  amend(reporter: CentreReporter, content: ReportContent, reason: string, now: Date): void {
    this.mustBeOurs(reporter);
    if (this.state.status !== 'signed') this.illegal('amend');
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > REASON_MAX) {
      throw new ReportingError(
        ReportingErrorCode.ReasonRequired,
        `an amendment gives its reason in 1-${REASON_MAX} characters`,
        'reason',
      );
    }
    const violations = contentViolations(content, 'content');
    if (violations.length) throw ReportingError.of(ReportingErrorCode.InvalidContent, violations);
    const completed = this.completed(copyOf(content));
    const number = this.state.versions.length + 1;
    this.change({
      versions: [
        ...this.state.versions,
        {
          number,
          content: completed,
          signedBy: reporter.practitionerId,
          signedAt: now,
          amendmentReason: trimmed,
        },
      ],
    });
    this.record('amended', completed.critical);
  }

  /** The order was cancelled: off the worklist. A signed report stays. */
  cancel(): void {
    if (this.state.status === 'cancelled') return;
    if (this.state.status === 'signed') this.illegal('cancel');
    this.change({ status: 'cancelled', claim: null });
    this.record('cancelled');
  }

  /** The data class of the version in force: the item's, raised by the content. */
  dataClass(): DataClass {
    const current = this.current;
    return current
      ? moreSensitive(this.state.itemDataClass, current.content.dataClass)
      : this.state.itemDataClass;
  }

  snapshot(): ReportSnapshot {
    return { ...this.state, versions: [...this.state.versions] };
  }

  pullEvents(): ReportChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /**
   * What a signature needs beyond well-formed content: a conclusion, a laboratory report's observations, and a
   * note on what is critical. An LL or HH observation makes the report critical.
   */
  private completed(content: ReportContent): ReportContent {
    const critical = content.critical || content.observations.some((o) => isCriticalFlag(o.flag));
    const missing: FieldViolation[] = [];
    if (!content.conclusion.trim()) {
      missing.push({
        field: 'content.conclusion',
        reason: 'REQUIRED',
        description: 'a signed report has a conclusion',
      });
    }
    if (this.state.itemKind === 'laboratory' && content.observations.length === 0) {
      missing.push({
        field: 'content.observations',
        reason: 'REQUIRED',
        description: 'a laboratory report has its observations',
      });
    }
    if (critical && !content.criticalNote?.trim()) {
      missing.push({
        field: 'content.criticalNote',
        reason: 'REQUIRED',
        description: 'a critical value says what is critical, for the clinician who acknowledges it',
      });
    }
    if (missing.length) throw ReportingError.of(ReportingErrorCode.IncompleteReport, missing);
    return { ...content, critical };
  }

  private mustBeOurs(reporter: CentreReporter): void {
    if (reporter.centreId !== this.state.centreId || reporter.kind !== this.state.itemKind) {
      throw new ReportingError(
        ReportingErrorCode.ReporterOfAnotherCentre,
        "only the reporters of the order's centre report it",
        'practitionerId',
      );
    }
  }

  private mustBeOpen(what: string): void {
    if (this.state.status !== 'waiting' && this.state.status !== 'in-progress') this.illegal(what);
  }

  private mustHoldClaim(reporter: CentreReporter): ReportClaim {
    const claim = this.state.claim;
    if (claim?.practitionerId !== reporter.practitionerId) {
      throw new ReportingError(
        ReportingErrorCode.ClaimRequired,
        claim ? 'another reporter holds the claim' : 'claim the report first',
      );
    }
    return claim;
  }

  private illegal(what: string): never {
    throw new ReportingError(
      ReportingErrorCode.IllegalStep,
      `cannot ${what} a report that is ${this.state.status}`,
    );
  }

  private change(patch: Partial<Pick<ReportSnapshot, 'status' | 'claim' | 'draft' | 'versions'>>): void {
    this.state = {
      ...this.state,
      status: patch.status ?? this.state.status,
      claim: patch.claim === undefined ? this.state.claim : patch.claim,
      draft: patch.draft === undefined ? this.state.draft : patch.draft,
      versions: patch.versions ?? this.state.versions,
      version: this.state.version + 1,
    };
  }

  private record(change: ReportChange, critical = false): void {
    this.events.push({ change, critical, report: this.snapshot() });
  }
}

function copyOf(content: ReportContent): ReportContent {
  return {
    findings: content.findings,
    conclusion: content.conclusion,
    observations: content.observations.map((o) => ({ ...o })),
    critical: content.critical,
    criticalNote: content.criticalNote,
    dataClass: content.dataClass,
  };
}

/** What makes content malformed whatever its state of completion. */
export function contentViolations(content: ReportContent, path: string): FieldViolation[] {
  const found: FieldViolation[] = [];
  if (content.findings.length > TEXT_MAX) {
    found.push({
      field: `${path}.findings`,
      reason: 'TOO_LONG',
      description: `at most ${TEXT_MAX} characters`,
    });
  }
  if (content.conclusion.length > TEXT_MAX) {
    found.push({
      field: `${path}.conclusion`,
      reason: 'TOO_LONG',
      description: `at most ${TEXT_MAX} characters`,
    });
  }
  if (content.criticalNote !== null && content.criticalNote.length > NOTE_MAX) {
    found.push({
      field: `${path}.criticalNote`,
      reason: 'TOO_LONG',
      description: `at most ${NOTE_MAX} characters`,
    });
  }
  if (!(DATA_CLASSES as readonly string[]).includes(content.dataClass)) {
    found.push({
      field: `${path}.dataClass`,
      reason: 'UNKNOWN_VALUE',
      description: `one of ${DATA_CLASSES.join(', ')}`,
    });
  }
  if (content.observations.length > OBSERVATIONS_MAX) {
    found.push({
      field: `${path}.observations`,
      reason: 'TOO_MANY',
      description: `at most ${OBSERVATIONS_MAX}`,
    });
  }
  content.observations.forEach((o, i) =>
    found.push(...observationViolations(o, `${path}.observations[${i}]`)),
  );
  return found;
}
