import { type CentreKind, isReportingKind, type ItemKind } from '../../common/exam-kinds';
import { CentreError, CentreErrorCode } from './centre-error';
import { maySign } from './signing-specialty';

export type GroupRole = 'lead' | 'member' | 'collaborating';

/** What the centres context needs to know of an institution, from the registry. */
export interface CentreInstitution {
  readonly institutionId: string;
  readonly level: 'tertiary' | 'secondary' | 'primary' | 'unknown';
  /** Registered as a dedicated shared-centre institution (独立设置的资源共享中心), which may host whatever its level. */
  readonly sharedCentreInstitution: boolean;
  /** Its role in the centre's group, or null when it has none there. */
  readonly roleInGroup: GroupRole | null;
}

/** A practitioner as the registry knows them: where they are registered and their specialty. */
export interface CentrePractitioner {
  readonly id: string;
  readonly homeInstitutionId: string;
  readonly specialtyCode: string;
}

/** A practitioner the centre has found fit to report an item kind: what a report's claim and signature take. */
export interface CentreReporter {
  readonly centreId: string;
  readonly practitionerId: string;
  readonly kind: ItemKind;
}

export interface SharedCentreSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly kind: CentreKind;
  readonly name: string;
  readonly hostInstitutionId: string;
  /** Institutions whose orders the centre takes; the host is always one. */
  readonly servedInstitutionIds: readonly string[];
  readonly status: 'active' | 'closed';
  readonly registeredAt: Date;
  readonly closedAt: Date | null;
  readonly version: number;
}

export interface NewSharedCentre {
  readonly id: string;
  readonly groupId: string;
  readonly kind: CentreKind;
  readonly name: string;
}

export type SharedCentreChange = 'registered' | 'serving-added' | 'serving-removed' | 'closed';

export interface SharedCentreChanged {
  readonly change: SharedCentreChange;
  readonly institutionId: string | null;
  readonly centre: SharedCentreSnapshot;
}

const NAME_MAX = 100;

/**
 * A shared centre of a medical group (资源共享中心): a laboratory, imaging, ECG, pathology, remote-consultation or
 * sterilisation-supply centre run by one institution of the group for the group's members, so that a primary site
 * examines and the centre diagnoses (基层检查、上级诊断). The host is the lead, a member hospital (secondary or
 * tertiary) or a dedicated shared-centre institution; primary institutions and collaborating units do not host.
 * Only lead and member institutions are served, and the host always is. Its reporters are the practitioners
 * registered at the host whose specialty fits the item kind.
 */
export class SharedCentre {
  private events: SharedCentreChanged[] = [];

  private constructor(private state: SharedCentreSnapshot) {}

  static register(
    input: NewSharedCentre,
    host: CentreInstitution,
    served: readonly CentreInstitution[],
    now: Date,
  ): SharedCentre {
    const name = input.name.trim();
    if (!name || name.length > NAME_MAX) {
      throw new CentreError(
        CentreErrorCode.InvalidName,
        `a centre's name is 1-${NAME_MAX} characters`,
        'name',
      );
    }
    if (host.roleInGroup !== 'lead' && host.roleInGroup !== 'member') {
      throw new CentreError(
        CentreErrorCode.HostNotInGroup,
        host.roleInGroup === 'collaborating'
          ? 'a collaborating unit serves the group but does not host its centres'
          : 'the host institution is not a member of this medical group',
        'hostInstitutionId',
      );
    }
    if (!host.sharedCentreInstitution && host.level !== 'tertiary' && host.level !== 'secondary') {
      throw new CentreError(
        CentreErrorCode.HostCannotRunCentre,
        'a shared centre is hosted by a secondary or tertiary hospital or a dedicated shared-centre institution',
        'hostInstitutionId',
      );
    }
    const servedIds = [host.institutionId];
    served.forEach((institution, index) => {
      SharedCentre.checkServable(institution, `servedInstitutionIds[${index}]`);
      if (!servedIds.includes(institution.institutionId)) servedIds.push(institution.institutionId);
    });
    const centre = new SharedCentre({
      id: input.id,
      groupId: input.groupId,
      kind: input.kind,
      name,
      hostInstitutionId: host.institutionId,
      servedInstitutionIds: servedIds,
      status: 'active',
      registeredAt: now,
      closedAt: null,
      version: 1,
    });
    centre.record('registered', null);
    return centre;
  }

  static restore(snapshot: SharedCentreSnapshot): SharedCentre {
    return new SharedCentre(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get groupId(): string {
    return this.state.groupId;
  }

  get kind(): CentreKind {
    return this.state.kind;
  }

  get isActive(): boolean {
    return this.state.status === 'active';
  }

  serves(institutionId: string): boolean {
    return this.state.servedInstitutionIds.includes(institutionId);
  }

  /** Takes orders from one more institution of the group. */
  startServing(institution: CentreInstitution): void {
    this.mustBeActive();
    SharedCentre.checkServable(institution, 'institutionId');
    if (this.serves(institution.institutionId)) {
      throw new CentreError(
        CentreErrorCode.AlreadyServed,
        'the centre already serves this institution',
        'institutionId',
      );
    }
    this.change({ servedInstitutionIds: [...this.state.servedInstitutionIds, institution.institutionId] });
    this.record('serving-added', institution.institutionId);
  }

  /** Stops taking new orders from an institution; orders already placed are still reported. */
  stopServing(institutionId: string): void {
    this.mustBeActive();
    if (institutionId === this.state.hostInstitutionId) {
      throw new CentreError(
        CentreErrorCode.HostIsAlwaysServed,
        'the host institution is always served by its centre',
        'institutionId',
      );
    }
    if (!this.serves(institutionId)) {
      throw new CentreError(
        CentreErrorCode.NotServed,
        'the centre does not serve this institution',
        'institutionId',
      );
    }
    this.change({
      servedInstitutionIds: this.state.servedInstitutionIds.filter((id) => id !== institutionId),
    });
    this.record('serving-removed', institutionId);
  }

  /** Closes the centre to new orders. Closing a closed centre changes nothing. */
  close(now: Date): void {
    if (!this.isActive) return;
    this.change({ status: 'closed', closedAt: now });
    this.record('closed', null);
  }

  /**
   * Refuses an order of an institution the centre does not serve (naming `siteField`, the request field that
   * carried the institution), or of a kind it does not take.
   */
  checkTakesOrder(
    orderingInstitutionId: string,
    kind: CentreKind,
    siteField = 'orderingInstitutionId',
  ): void {
    this.mustBeActive();
    if (kind !== this.state.kind) {
      throw new CentreError(
        CentreErrorCode.KindNotReported,
        `a ${this.state.kind} centre does not take ${kind} orders`,
        'centreId',
      );
    }
    if (!this.serves(orderingInstitutionId)) {
      throw new CentreError(
        CentreErrorCode.NotServed,
        'the centre does not serve the ordering institution',
        siteField,
      );
    }
  }

  /**
   * The practitioner as a reporter of this centre for an item kind: registered at the host, with a specialty
   * that may sign that kind (SIGNING_SPECIALTIES).
   */
  reporterFor(practitioner: CentrePractitioner, kind: ItemKind): CentreReporter {
    if (kind !== this.state.kind) {
      throw new CentreError(
        CentreErrorCode.KindNotReported,
        `a ${this.state.kind} centre does not report ${kind} items`,
      );
    }
    if (practitioner.homeInstitutionId !== this.state.hostInstitutionId) {
      throw new CentreError(
        CentreErrorCode.NotAReporterOfCentre,
        'only practitioners registered at the institution hosting the centre report for it',
        'practitionerId',
      );
    }
    if (!maySign(practitioner.specialtyCode, kind)) {
      throw new CentreError(
        CentreErrorCode.SpecialtyDoesNotFit,
        `specialty ${practitioner.specialtyCode} does not sign ${kind} reports`,
        'practitionerId',
      );
    }
    return { centreId: this.state.id, practitionerId: practitioner.id, kind };
  }

  /** Those of `practitioners` who report for the centre: registered at the host, their specialty fit for its kind. */
  reportersAmong<P extends CentrePractitioner>(practitioners: readonly P[]): P[] {
    const kind = this.state.kind;
    if (!isReportingKind(kind)) return [];
    return practitioners.filter(
      (p) => p.homeInstitutionId === this.state.hostInstitutionId && maySign(p.specialtyCode, kind),
    );
  }

  snapshot(): SharedCentreSnapshot {
    return { ...this.state, servedInstitutionIds: [...this.state.servedInstitutionIds] };
  }

  pullEvents(): SharedCentreChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private static checkServable(institution: CentreInstitution, field: string): void {
    if (institution.roleInGroup !== 'lead' && institution.roleInGroup !== 'member') {
      throw new CentreError(
        CentreErrorCode.NotAGroupMember,
        "a centre serves the lead and the members of its group, not collaborating units or other groups' institutions",
        field,
      );
    }
  }

  private mustBeActive(): void {
    if (!this.isActive) {
      throw new CentreError(CentreErrorCode.CentreClosed, 'the centre is closed', 'centreId');
    }
  }

  private change(
    patch: Partial<Pick<SharedCentreSnapshot, 'servedInstitutionIds' | 'status' | 'closedAt'>>,
  ): void {
    this.state = {
      ...this.state,
      servedInstitutionIds: patch.servedInstitutionIds ?? this.state.servedInstitutionIds,
      status: patch.status ?? this.state.status,
      closedAt: patch.closedAt === undefined ? this.state.closedAt : patch.closedAt,
      version: this.state.version + 1,
    };
  }

  private record(change: SharedCentreChange, institutionId: string | null): void {
    this.events.push({ change, institutionId, centre: this.snapshot() });
  }
}
