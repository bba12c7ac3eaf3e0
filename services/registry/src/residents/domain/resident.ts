import { type ResidentId } from '@medgrid/kernel';

export interface ResidentSnapshot {
  readonly id: string;
  readonly residentIdNumber: string;
  readonly name: string;
  /** YYYY-MM-DD, from the ID number. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly phone: string;
  readonly gridId: string;
  readonly version: number;
}

/** Mainland mobile numbers: 11 digits starting 13-19. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/**
 * A resident of the city. Birth date and sex come from the validated
 * resident ID number, never typed a second time.
 */
export class Resident {
  private constructor(private state: ResidentSnapshot) {}

  static register(input: {
    id: string;
    residentId: ResidentId;
    name: string;
    phone: string;
    gridId: string;
  }): Resident {
    return new Resident({
      id: input.id,
      residentIdNumber: input.residentId.value,
      name: input.name,
      birthDate: input.residentId.birthDate,
      sex: input.residentId.sex,
      phone: input.phone,
      gridId: input.gridId,
      version: 1,
    });
  }

  static restore(snapshot: ResidentSnapshot): Resident {
    return new Resident(snapshot);
  }

  /** Moves the resident's address to another grid, or changes name or phone. */
  update(details: Pick<ResidentSnapshot, 'name' | 'phone' | 'gridId'>): void {
    this.state = { ...this.state, ...details, version: this.state.version + 1 };
  }

  snapshot(): ResidentSnapshot {
    return { ...this.state };
  }
}
