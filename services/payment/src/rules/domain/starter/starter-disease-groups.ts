import { type DiseaseGroupPoints } from '../disease-group-points';

const ROWS: readonly [code: string, name: string, points: number, primaryLevel: boolean][] = [
  ['I10', '原发性高血压', 80, true],
  ['E11', '2型糖尿病', 120, true],
  ['J06', '急性上呼吸道感染', 40, true],
  ['N39', '泌尿道感染', 150, true],
  ['M54', '背痛', 100, true],
  ['J44', '慢性阻塞性肺疾病', 500, true],
  ['J18', '肺炎', 450, false],
  ['I50', '心力衰竭', 950, false],
  ['K35', '急性阑尾炎', 900, false],
  ['I63', '脑梗死', 1200, false],
  ['I21', '急性心肌梗死', 2500, false],
  ['O80', '单胎顺产', 700, false],
];

/**
 * A starter table of disease groups for a fund to begin from and replace with its own (Guangzhou's has 544
 * primary-level groups): common diseases by their ICD-10 category, the chronic and minor ones primary-level. The
 * points are the platform's own illustrative weights, not a fund's.
 */
export function starterDiseaseGroups(from: string): DiseaseGroupPoints[] {
  return ROWS.map(([code, name, points, primaryLevel]) => ({
    code,
    name,
    points,
    primaryLevel,
    from,
    until: null,
  }));
}
