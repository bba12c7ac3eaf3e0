import { type SupplyPatient } from '../domain/days-of-supply';

/** A contracted resident with stable hypertension on an unchanged regimen: may have a long prescription. */
export function aStableChronicPatient(overrides: Partial<SupplyPatient> = {}): SupplyPatient {
  return {
    contractedResident: true,
    diagnosisCodes: ['I10'],
    stable: true,
    regimenUnchanged: true,
    ...overrides,
  };
}

/** A resident without a contract, seen for an upper respiratory infection. */
export function anAcutePatient(overrides: Partial<SupplyPatient> = {}): SupplyPatient {
  return {
    contractedResident: false,
    diagnosisCodes: ['J06.9'],
    stable: false,
    regimenUnchanged: false,
    ...overrides,
  };
}
