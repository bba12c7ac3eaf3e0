import { type FieldViolation } from '@medgrid/errors';
import { type InstitutionLevel } from '../../common/institution-level';
import { CatalogueError, CatalogueErrorCode } from './catalogue-error';
import { type Drug, drugViolations, sameGenericAndForm } from './drug';

/** One version of a drug: what it is from `effectiveFrom` on, until a later version; null once withdrawn. */
export interface DrugVersion {
  readonly drug: Drug | null;
  readonly effectiveFrom: Date;
  readonly recordedAt: Date;
}

export interface DrugHistory {
  readonly code: string;
  /** Oldest first; no two with the same effectiveFrom. */
  readonly versions: readonly DrugVersion[];
}

export interface DrugCatalogueSnapshot {
  /** The medical group whose catalogue this is (one catalogue per group, 统一目录). */
  readonly groupId: string;
  /** 0 before the first change; each change makes the next version. */
  readonly version: number;
  readonly drugs: readonly DrugHistory[];
  readonly changedAt: Date | null;
}

export type DrugChange = 'listed' | 'changed' | 'withdrawn';

/** A drug listed, changed or withdrawn from an instant on: what the catalogue publishes. */
export interface DrugChanged {
  readonly groupId: string;
  readonly code: string;
  readonly change: DrugChange;
  /** The drug from effectiveFrom on; null when withdrawn. */
  readonly drug: Drug | null;
  readonly effectiveFrom: Date;
  readonly catalogueVersion: number;
  readonly changedAt: Date;
}

/**
 * A group's drug catalogue (统一药品目录), versioned by effective dates. A change takes effect from an instant that is
 * not in the past, so what was in force, and at what price, is never rewritten: a prescription, a purchase or a
 * settlement reads the drug as it was at its own instant (`drugAt`). A change supersedes the versions of that drug
 * that had not taken effect yet from the same instant on. Each change names the catalogue version it was made from,
 * so two editors cannot overwrite each other unseen, and records a DrugChanged per drug.
 */
export class DrugCatalogue {
  private events: DrugChanged[] = [];
  private readonly histories: Map<string, DrugVersion[]>;
  private readonly byGenericAndForm = new Map<string, Set<string>>();

  private constructor(
    private readonly groupId: string,
    private catalogueVersion: number,
    private changedAt: Date | null,
    drugs: readonly DrugHistory[],
  ) {
    this.histories = new Map(drugs.map((history) => [history.code, [...history.versions]]));
    for (const history of drugs) this.index(history.versions);
  }

  static empty(groupId: string): DrugCatalogue {
    return new DrugCatalogue(groupId, 0, null, []);
  }

  static restore(snapshot: DrugCatalogueSnapshot): DrugCatalogue {
    return new DrugCatalogue(snapshot.groupId, snapshot.version, snapshot.changedAt, snapshot.drugs);
  }

  get version(): number {
    return this.catalogueVersion;
  }

  /** The drug of that code in force at the instant, or undefined (never listed, not yet, or withdrawn). */
  drugAt(code: string, at: Date): Drug | undefined {
    const versions = this.histories.get(code);
    if (!versions) return undefined;
    let inForce: DrugVersion | undefined;
    for (const version of versions) {
      if (version.effectiveFrom.getTime() <= at.getTime()) inForce = version;
      else break;
    }
    return inForce?.drug ?? undefined;
  }

  /** The drug in force, or UNKNOWN_DRUG naming `field` (how the request carried the code). */
  drugAtOrThrow(code: string, at: Date, field: string): Drug {
    const drug = this.drugAt(code, at);
    if (!drug) {
      throw new CatalogueError(
        CatalogueErrorCode.UnknownDrug,
        `drug ${code} is not in the group's catalogue at ${at.toISOString()}`,
        field,
      );
    }
    return drug;
  }

  /** Every drug in force at the instant. */
  drugsAt(at: Date): Drug[] {
    const found: Drug[] = [];
    for (const code of this.histories.keys()) {
      const drug = this.drugAt(code, at);
      if (drug) found.push(drug);
    }
    return found;
  }

  /** The other drugs in force at the instant of the same generic and form (other strengths and makers). */
  sameGenericAndFormAt(drug: Drug, at: Date): Drug[] {
    const codes = this.byGenericAndForm.get(keyOf(drug)) ?? new Set<string>();
    const found: Drug[] = [];
    for (const code of codes) {
      if (code === drug.code) continue;
      const other = this.drugAt(code, at);
      if (other && sameGenericAndForm(other, drug)) found.push(other);
    }
    return found.sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Lists a drug or changes it from `effectiveFrom` (not in the past) on. */
  put(drug: Drug, effectiveFrom: Date, fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    this.checkNotRetroactive(effectiveFrom, now);
    const violations = drugViolations(drug, 'drug');
    if (violations.length) throw CatalogueError.invalid(violations);
    this.record(drug.code, drug, effectiveFrom, now);
    this.bump(now);
  }

  /** Takes a drug out of the catalogue from `effectiveFrom` (not in the past) on; what it was stays on record. */
  withdraw(code: string, effectiveFrom: Date, fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    this.checkNotRetroactive(effectiveFrom, now);
    this.drugAtOrThrow(code, effectiveFrom, 'code');
    this.record(code, null, effectiveFrom, now);
    this.bump(now);
  }

  /**
   * Lists or changes many drugs from one instant on (a CSV load): all or nothing, every bad drug and every code
   * given twice named under `drugs[i]`. Drugs the load does not name stay as they are.
   */
  load(drugs: readonly Drug[], effectiveFrom: Date, fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    this.checkNotRetroactive(effectiveFrom, now);
    const violations: FieldViolation[] = [];
    const seen = new Map<string, number>();
    drugs.forEach((drug, index) => {
      violations.push(...drugViolations(drug, `drugs[${index}]`));
      const first = seen.get(drug.code);
      if (first !== undefined) {
        violations.push({
          field: `drugs[${index}].code`,
          reason: CatalogueErrorCode.DuplicateDrug,
          description: `code ${drug.code} is already drugs[${first}]`,
        });
      } else {
        seen.set(drug.code, index);
      }
    });
    if (violations.length) throw CatalogueError.invalid(violations);
    for (const drug of drugs) this.record(drug.code, drug, effectiveFrom, now);
    this.bump(now);
  }

  /** Whether an institution of that level may stock and prescribe the drug. */
  static allowedAt(drug: Drug, level: InstitutionLevel): boolean {
    return drug.levels.includes(level);
  }

  snapshot(): DrugCatalogueSnapshot {
    return {
      groupId: this.groupId,
      version: this.catalogueVersion,
      changedAt: this.changedAt,
      drugs: [...this.histories].map(([code, versions]) => ({ code, versions: [...versions] })),
    };
  }

  pullEvents(): DrugChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(code: string, drug: Drug | null, effectiveFrom: Date, now: Date): void {
    const before = this.drugAt(code, effectiveFrom);
    const versions = (this.histories.get(code) ?? []).filter(
      (version) => version.effectiveFrom.getTime() < effectiveFrom.getTime(),
    );
    versions.push({ drug, effectiveFrom, recordedAt: now });
    this.histories.set(code, versions);
    this.index([{ drug, effectiveFrom, recordedAt: now }]);
    this.events.push({
      groupId: this.groupId,
      code,
      change: drug === null ? 'withdrawn' : before ? 'changed' : 'listed',
      drug,
      effectiveFrom,
      catalogueVersion: this.catalogueVersion + 1,
      changedAt: now,
    });
  }

  private index(versions: readonly DrugVersion[]): void {
    for (const { drug } of versions) {
      if (!drug) continue;
      const key = keyOf(drug);
      const codes = this.byGenericAndForm.get(key) ?? new Set<string>();
      codes.add(drug.code);
      this.byGenericAndForm.set(key, codes);
    }
  }

  private bump(now: Date): void {
    this.catalogueVersion += 1;
    this.changedAt = now;
  }

  private checkNotRetroactive(effectiveFrom: Date, now: Date): void {
    if (effectiveFrom.getTime() < now.getTime()) {
      throw new CatalogueError(
        CatalogueErrorCode.RetroactiveChange,
        `a change takes effect now or later, never in the past (${effectiveFrom.toISOString()} is before ${now.toISOString()})`,
        'effectiveFrom',
      );
    }
  }

  private checkVersion(fromVersion: number): void {
    if (fromVersion !== this.catalogueVersion) {
      throw new CatalogueError(
        CatalogueErrorCode.StaleCatalogueVersion,
        `the catalogue is at version ${this.catalogueVersion}, not ${fromVersion}: read it again and redo the change`,
        'fromVersion',
      );
    }
  }
}

function keyOf(drug: Drug): string {
  return `${drug.genericName}\u0000${drug.dosageForm}`;
}
