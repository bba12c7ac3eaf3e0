import { CriteriaCatalogue, type CriteriaCatalogueOptions } from './criteria-catalogue';
import { DiseaseCriteria, type DiseaseCriteriaInput } from './disease-criteria';
import { CARDIOVASCULAR_CRITERIA } from './starter/cardiovascular.criteria';
import { DIGESTIVE_CRITERIA } from './starter/digestive.criteria';
import { ENDOCRINE_CRITERIA } from './starter/endocrine.criteria';
import { EYE_ENT_OBSTETRIC_CRITERIA } from './starter/eye-ent-obstetric.criteria';
import { MENTAL_HEALTH_CRITERIA } from './starter/mental-health.criteria';
import { MUSCULOSKELETAL_CRITERIA } from './starter/musculoskeletal.criteria';
import { NEUROLOGICAL_CRITERIA } from './starter/neurological.criteria';
import { RENAL_URINARY_CRITERIA } from './starter/renal-urinary.criteria';
import { RESPIRATORY_CRITERIA } from './starter/respiratory.criteria';

/**
 * The common diseases a new medical group starts from, before its medical
 * department adapts them into the group's own 《常见病双向转诊指南》 (Shanxi's
 * 2019 plan asks each group to derive one from the provincial guide;
 * docs/domain.md). Kept as plain
 * input so a group's overrides go through the same validation.
 */
export const STARTER_CRITERIA: readonly DiseaseCriteriaInput[] = [
  ...CARDIOVASCULAR_CRITERIA,
  ...NEUROLOGICAL_CRITERIA,
  ...ENDOCRINE_CRITERIA,
  ...RESPIRATORY_CRITERIA,
  ...DIGESTIVE_CRITERIA,
  ...MUSCULOSKELETAL_CRITERIA,
  ...MENTAL_HEALTH_CRITERIA,
  ...RENAL_URINARY_CRITERIA,
  ...EYE_ENT_OBSTETRIC_CRITERIA,
];

export function starterCatalogue(options?: CriteriaCatalogueOptions): CriteriaCatalogue {
  return CriteriaCatalogue.of(
    STARTER_CRITERIA.map((input) => DiseaseCriteria.create(input)),
    options,
  );
}
