import { type Drug } from '../../catalogue/domain/drug';
import { type InstitutionLevel } from '../../common/institution-level';
import { Formulary } from '../domain/formulary';

/** A formulary of a primary institution (by default) stocking `drugs`. */
export function aFormulary(
  drugs: readonly Drug[],
  level: InstitutionLevel = 'primary',
  institutionId = '0190a0a0-0000-7000-8000-000000000101',
): Formulary {
  return Formulary.restore({ institutionId, level, drugCodes: drugs.map((drug) => drug.code) });
}
