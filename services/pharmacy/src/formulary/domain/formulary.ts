import { type InstitutionLevel } from '../../common/institution-level';
import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { type Drug } from '../../catalogue/domain/drug';
import { FormularyError, FormularyErrorCode } from './formulary-error';

export interface FormularySnapshot {
  readonly institutionId: string;
  /** The institution's level as the registry announced it: what it may stock. */
  readonly level: InstitutionLevel;
  /** Catalogue codes the institution stocks, sorted. */
  readonly drugCodes: readonly string[];
}

export interface FormularyChanged {
  readonly institutionId: string;
  readonly drugCode: string;
  readonly change: 'stocked' | 'unstocked';
  readonly changedAt: Date;
}

/**
 * An institution's formulary (本院用药目录): which drugs of the group's catalogue it stocks. It stocks only a drug its
 * level may (the catalogue says which levels), so a township health centre does not list a drug kept to hospitals.
 * Stocking what it stocks already, or dropping what it does not stock, is refused rather than ignored: the caller
 * believed otherwise and should know.
 */
export class Formulary {
  private events: FormularyChanged[] = [];
  private readonly codes: Set<string>;

  private constructor(
    readonly institutionId: string,
    readonly level: InstitutionLevel,
    drugCodes: readonly string[],
  ) {
    this.codes = new Set(drugCodes);
  }

  static empty(institutionId: string, level: InstitutionLevel): Formulary {
    return new Formulary(institutionId, level, []);
  }

  static restore(snapshot: FormularySnapshot): Formulary {
    return new Formulary(snapshot.institutionId, snapshot.level, snapshot.drugCodes);
  }

  stocks(drugCode: string): boolean {
    return this.codes.has(drugCode);
  }

  /** Refuses, naming `field`, a drug the institution does not stock. */
  checkStocks(drugCode: string, field: string): void {
    if (!this.stocks(drugCode)) {
      throw new FormularyError(
        FormularyErrorCode.NotStocked,
        `drug ${drugCode} is not on the formulary of institution ${this.institutionId}`,
        field,
      );
    }
  }

  /** Adds a catalogue drug (as in force now) to the formulary. */
  stock(drug: Drug, now: Date, field = 'drugCode'): void {
    if (!DrugCatalogue.allowedAt(drug, this.level)) {
      throw new FormularyError(
        FormularyErrorCode.NotAllowedAtLevel,
        `drug ${drug.code} is for ${drug.levels.join(', ')} institutions, not ${this.level}`,
        field,
      );
    }
    if (this.stocks(drug.code)) {
      throw new FormularyError(
        FormularyErrorCode.AlreadyStocked,
        `drug ${drug.code} is already on the formulary`,
        field,
      );
    }
    this.codes.add(drug.code);
    this.events.push({
      institutionId: this.institutionId,
      drugCode: drug.code,
      change: 'stocked',
      changedAt: now,
    });
  }

  unstock(drugCode: string, now: Date, field = 'drugCode'): void {
    this.checkStocks(drugCode, field);
    this.codes.delete(drugCode);
    this.events.push({ institutionId: this.institutionId, drugCode, change: 'unstocked', changedAt: now });
  }

  snapshot(): FormularySnapshot {
    return { institutionId: this.institutionId, level: this.level, drugCodes: [...this.codes].sort() };
  }

  pullEvents(): FormularyChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}
