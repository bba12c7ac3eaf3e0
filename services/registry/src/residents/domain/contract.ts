import { addDays, addMonths, ageOn } from '@medgrid/kernel';
import { ResidentError, ResidentErrorCode } from './resident-error';
import { type ResidentSnapshot } from './resident';

export type PopulationTag =
  | 'elderly'
  | 'hypertension'
  | 'diabetes'
  | 'maternal'
  | 'child'
  | 'disabled'
  | 'severe-mental-disorder'
  | 'tuberculosis';

export type ContractStatus = 'active' | 'ended' | 'expired';

/** Policy numbers for contracts; configurable per city, these are the defaults. */
export interface ContractRules {
  /** Length of a contract and of a renewal, in months (family-doctor contracts run one year). */
  termMonths: number;
  /** Age from which a resident is elderly (老年人, 65+ in the national basic public health service). */
  elderlyAge: number;
  /** Age up to which a resident is a child for the 0-6 child health service. */
  childMaxAge: number;
}

export const DEFAULT_CONTRACT_RULES: ContractRules = { termMonths: 12, elderlyAge: 65, childMaxAge: 6 };

/**
 * A contract is renewed in the last days of its term (续约), as contracts may be
 * signed at most 90 days ahead. RenewContract carries no request id, so this
 * is also what keeps a retried renewal from adding a second term.
 */
export const RENEWAL_WINDOW_DAYS = 90;

export interface ContractSnapshot {
  readonly id: string;
  readonly residentId: string;
  readonly teamId: string;
  readonly groupId: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly tags: readonly PopulationTag[];
  readonly status: ContractStatus;
  readonly endedAt: Date | null;
  readonly version: number;
}

export type ContractChange = 'signed' | 'renewed' | 'ended' | 'expired';

export interface ContractChanged {
  readonly change: ContractChange;
  readonly contract: ContractSnapshot;
}

/** Every population tag, in the order a contract lists them. */
export const POPULATION_TAGS: readonly PopulationTag[] = [
  'elderly',
  'hypertension',
  'diabetes',
  'maternal',
  'child',
  'disabled',
  'severe-mental-disorder',
  'tuberculosis',
];

/**
 * The key-population tags of a resident on a date: age tags follow from the
 * birth date (added when due, refused when not), the others are declared.
 */
export function populationTags(
  resident: Pick<ResidentSnapshot, 'birthDate' | 'sex'>,
  declared: readonly PopulationTag[],
  on: string,
  rules: ContractRules,
): PopulationTag[] {
  const age = ageOn(resident.birthDate, on);
  const tags = new Set(declared);
  if (age >= rules.elderlyAge) tags.add('elderly');
  else if (tags.has('elderly')) {
    throw new ResidentError(
      ResidentErrorCode.TagDoesNotFit,
      `elderly applies from age ${rules.elderlyAge}; resident is ${age}`,
      'tags',
    );
  }
  if (age <= rules.childMaxAge) tags.add('child');
  else if (tags.has('child')) {
    throw new ResidentError(
      ResidentErrorCode.TagDoesNotFit,
      `child applies up to age ${rules.childMaxAge}; resident is ${age}`,
      'tags',
    );
  }
  if (tags.has('maternal') && resident.sex !== 'female') {
    throw new ResidentError(ResidentErrorCode.TagDoesNotFit, 'maternal applies to women only', 'tags');
  }
  return POPULATION_TAGS.filter((tag) => tags.has(tag));
}

/**
 * A resident's contract with a family-doctor team (家庭医生签约). A resident
 * has at most one active contract; a contract runs from its start date to
 * its end date (inclusive), can be renewed for another term, ended early, or
 * expires on the day after its end date.
 */
export class Contract {
  private events: ContractChanged[] = [];

  private constructor(private state: ContractSnapshot) {}

  static sign(
    input: {
      id: string;
      resident: ResidentSnapshot;
      team: { id: string; groupId: string };
      startDate: string;
      tags: readonly PopulationTag[];
    },
    rules: ContractRules,
  ): Contract {
    const contract = new Contract({
      id: input.id,
      residentId: input.resident.id,
      teamId: input.team.id,
      groupId: input.team.groupId,
      startDate: input.startDate,
      endDate: addDays(addMonths(input.startDate, rules.termMonths), -1),
      tags: populationTags(input.resident, input.tags, input.startDate, rules),
      status: 'active',
      endedAt: null,
      version: 1,
    });
    contract.record('signed');
    return contract;
  }

  static restore(snapshot: ContractSnapshot): Contract {
    return new Contract(snapshot);
  }

  /** Whether the contract is in force on a date. */
  inForceOn(date: string): boolean {
    return this.state.status === 'active' && this.state.startDate <= date && date <= this.state.endDate;
  }

  /** Active but past its end date: to be marked expired. */
  isLapsedOn(date: string): boolean {
    return this.state.status === 'active' && this.state.endDate < date;
  }

  /** The first day the contract may be renewed: in its current term, at most RENEWAL_WINDOW_DAYS before it ends. */
  renewableFrom(rules: ContractRules): string {
    const termStart = addMonths(addDays(this.state.endDate, 1), -rules.termMonths);
    const windowOpens = addDays(this.state.endDate, 1 - RENEWAL_WINDOW_DAYS);
    return windowOpens > termStart ? windowOpens : termStart;
  }

  renew(today: string, rules: ContractRules): void {
    this.requireActive('renew');
    if (this.isLapsedOn(today)) {
      throw new ResidentError(
        ResidentErrorCode.ContractNotActive,
        'the contract has lapsed; sign a new one',
        'contractId',
      );
    }
    const from = this.renewableFrom(rules);
    if (today < from) {
      throw new ResidentError(
        ResidentErrorCode.ContractNotYetRenewable,
        `runs until ${this.state.endDate}; it may be renewed from ${from}`,
        'contractId',
      );
    }
    this.state = {
      ...this.state,
      endDate: addDays(addMonths(addDays(this.state.endDate, 1), rules.termMonths), -1),
      version: this.state.version + 1,
    };
    this.record('renewed');
  }

  end(now: Date): void {
    this.requireActive('end');
    this.state = { ...this.state, status: 'ended', endedAt: now, version: this.state.version + 1 };
    this.record('ended');
  }

  expire(today: string): void {
    if (!this.isLapsedOn(today)) return;
    this.state = { ...this.state, status: 'expired', version: this.state.version + 1 };
    this.record('expired');
  }

  snapshot(): ContractSnapshot {
    return { ...this.state, tags: [...this.state.tags] };
  }

  pullEvents(): ContractChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private requireActive(action: string): void {
    if (this.state.status !== 'active') {
      throw new ResidentError(
        ResidentErrorCode.ContractNotActive,
        `cannot ${action} a contract that is ${this.state.status}`,
        'contractId',
      );
    }
  }

  private record(change: ContractChange): void {
    this.events.push({ change, contract: this.snapshot() });
  }
}
