import { type ChronicDiseaseList } from '../domain/chronic-disease-list';
import { type SupplyRules } from '../domain/supply-rules';

/** The configured rules of prescribing: days of supply, and the city's list of chronic diseases. */
export class PrescribingRules {
  constructor(
    readonly supply: SupplyRules,
    readonly diseases: ChronicDiseaseList,
  ) {}
}
