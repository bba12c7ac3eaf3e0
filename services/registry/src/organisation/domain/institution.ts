import { type InstitutionLevel, type InstitutionType, levelFitsType } from './institution-classification';
import { OrganisationError, OrganisationErrorCode } from './organisation-error';

export interface InstitutionSnapshot {
  readonly id: string;
  readonly creditCode: string;
  readonly name: string;
  readonly level: InstitutionLevel;
  readonly type: InstitutionType;
  readonly gridId: string;
  readonly address: string;
  /** Group the institution leads or is a member of (collaborations are not memberships). */
  readonly groupId: string | null;
  readonly version: number;
}

export type InstitutionChange = 'registered' | 'updated' | 'joined-group' | 'left-group';

export interface InstitutionChanged {
  readonly change: InstitutionChange;
  readonly institution: InstitutionSnapshot;
}

export type InstitutionDetails = Pick<InstitutionSnapshot, 'name' | 'level' | 'type' | 'address'>;

function assertLevelFitsType(level: InstitutionLevel, type: InstitutionType): void {
  if (!levelFitsType(level, type)) {
    throw new OrganisationError(
      OrganisationErrorCode.LevelDoesNotFitType,
      `a ${type} cannot be a ${level} institution`,
      'level',
    );
  }
}

/** A healthcare institution. Every change records an event carrying its whole new state. */
export class Institution {
  private events: InstitutionChanged[] = [];

  private constructor(private state: InstitutionSnapshot) {}

  static register(input: Omit<InstitutionSnapshot, 'groupId' | 'version'>): Institution {
    assertLevelFitsType(input.level, input.type);
    const institution = new Institution({ ...input, groupId: null, version: 1 });
    institution.record('registered');
    return institution;
  }

  static restore(snapshot: InstitutionSnapshot): Institution {
    return new Institution(snapshot);
  }

  update(expectedVersion: number, details: InstitutionDetails): void {
    if (expectedVersion !== this.state.version) {
      throw new OrganisationError(
        OrganisationErrorCode.VersionConflict,
        `institution changed since version ${expectedVersion} (now ${this.state.version}); read it again`,
        'expectedVersion',
      );
    }
    assertLevelFitsType(details.level, details.type);
    this.state = { ...this.state, ...details, version: this.state.version + 1 };
    this.record('updated');
  }

  /** Called by the group use cases: membership is the group's rule, the pointer is kept here for look-ups. */
  joinGroup(groupId: string): void {
    this.state = { ...this.state, groupId, version: this.state.version + 1 };
    this.record('joined-group');
  }

  leaveGroup(): void {
    this.state = { ...this.state, groupId: null, version: this.state.version + 1 };
    this.record('left-group');
  }

  snapshot(): InstitutionSnapshot {
    return { ...this.state };
  }

  pullEvents(): InstitutionChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(change: InstitutionChange): void {
    this.events.push({ change, institution: this.snapshot() });
  }
}
