import { DrugCatalogue } from '../drug-catalogue';
import { type Drug, drugViolations, sameGenericAndForm } from '../drug';
import { starterCatalogue } from './starter-catalogue';

/** On the national essential medicines list: the core drugs of chronic-disease care in primary institutions. */
const SURELY_ESSENTIAL = [
  '苯磺酸氨氯地平',
  '硝苯地平',
  '卡托普利',
  '马来酸依那普利',
  '酒石酸美托洛尔',
  '氢氯噻嗪',
  '螺内酯',
  '呋塞米',
  '盐酸二甲双胍',
  '格列本脲',
  '阿卡波糖',
  '精蛋白生物合成人胰岛素（预混30R）',
  '阿托伐他汀钙',
  '辛伐他汀',
  '阿司匹林',
  '硫酸氢氯吡格雷',
  '华法林钠',
  '硝酸甘油',
  '地高辛',
  '硫酸沙丁胺醇',
  '异丙托溴铵',
  '阿莫西林',
  '左甲状腺素钠',
];

/** Newer classes the essential list does not hold (DPP-4 and SGLT2 inhibitors, ARNI, GLP-1, LAMA, ICS/LABA). */
const SURELY_NOT_ESSENTIAL = [
  '磷酸西格列汀',
  '沙格列汀',
  '利格列汀',
  '达格列净',
  '恩格列净',
  '沙库巴曲缬沙坦钠',
  '利拉鲁肽',
  '噻托溴铵',
  '布地奈德福莫特罗',
  '沙美特罗替卡松',
];

describe(starterCatalogue.name, () => {
  const sut = starterCatalogue();
  const at = new Date('2027-01-01T00:00:00Z');

  it('holds a few hundred drugs, every one well-formed, each code once', () => {
    expect(sut.length).toBeGreaterThanOrEqual(200);
    expect(sut.length).toBeLessThanOrEqual(400);
    expect(sut.flatMap((drug, index) => drugViolations(drug, `drugs[${index}]`))).toEqual([]);
    expect(new Set(sut.map((drug) => drug.code)).size).toBe(sut.length);
  });

  it('loads whole into an empty catalogue', () => {
    const catalogue = DrugCatalogue.empty('group-1');

    catalogue.load(sut, at, 0, at);

    expect(catalogue.drugsAt(at)).toHaveLength(sut.length);
  });

  it.each(SURELY_ESSENTIAL)('flags %s essential in its first form', (name) => {
    const products = sut.filter((drug) => drug.genericName === name);
    const firstForm = products[0]?.dosageForm;

    expect(products.filter((drug) => drug.dosageForm === firstForm).every((drug) => drug.essential)).toBe(
      true,
    );
  });

  it.each(SURELY_NOT_ESSENTIAL)('does not flag %s essential', (name) => {
    const products = sut.filter((drug) => drug.genericName === name);

    expect(products.length).toBeGreaterThan(0);
    expect(products.some((drug) => drug.essential)).toBe(false);
  });

  it('flags the same generic and form alike in every product (the list names generics in forms)', () => {
    const mixed = sut.filter((drug) =>
      sut.some((other) => sameGenericAndForm(drug, other) && other.essential !== drug.essential),
    );

    expect(mixed).toEqual([]);
  });

  it('has a volume-based winner of the same generic, form and strength for every originator, at primary institutions too unless the drug is kept to hospitals', () => {
    const originators = sut.filter((drug) => drug.manufacturer === '原研企业（示例）');
    const winnerOf = (originator: Drug) =>
      sut.find(
        (drug) =>
          drug.volumeBased && sameGenericAndForm(drug, originator) && drug.strength === originator.strength,
      );

    expect(originators.length).toBeGreaterThan(50);
    expect(originators.filter((originator) => !winnerOf(originator))).toEqual([]);
    expect(originators.every((originator) => !originator.levels.includes('primary'))).toBe(true);
    expect(
      sut.filter((drug) => drug.volumeBased && !drug.levels.includes('primary')).map((d) => d.genericName),
    ).toEqual(['左乙拉西坦', '奥氮平', '利培酮']);
  });

  it('prices a volume-based winner below its listed price, and pays it its bid', () => {
    const winners = sut.filter((drug) => drug.volumeBased);

    expect(winners.every((drug) => drug.bidPriceFen !== null && drug.bidPriceFen < drug.listPriceFen)).toBe(
      true,
    );
    expect(winners.every((drug) => drug.unifiedPriceFen === drug.bidPriceFen)).toBe(true);
  });

  it('names the ATC subgroup of each area in its codes: amlodipine C08CA, metformin A10BA, inhaled salbutamol R03AC', () => {
    const codeOf = (name: string) => sut.find((drug) => drug.genericName === name)?.code.slice(1, 6);

    expect([codeOf('苯磺酸氨氯地平'), codeOf('盐酸二甲双胍'), codeOf('硫酸沙丁胺醇')]).toEqual([
      'C08CA',
      'A10BA',
      'R03AC',
    ]);
  });
});
