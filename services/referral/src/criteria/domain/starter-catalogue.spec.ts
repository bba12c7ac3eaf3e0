import { DiseaseCriteria } from './disease-criteria';
import { prefixCovers } from './icd10-coverage';
import { STARTER_CRITERIA, starterCatalogue } from './starter-catalogue';

describe(starterCatalogue.name, () => {
  const sut = starterCatalogue();

  it('holds at least 30 common diseases', () => {
    expect(STARTER_CRITERIA.length).toBeGreaterThanOrEqual(30);
    expect(sut.size).toBe(STARTER_CRITERIA.length);
  });

  it.each(STARTER_CRITERIA.map((input) => [input.nameZh, input] as const))(
    'has a valid entry for %s',
    (_, input) => {
      expect(() => DiseaseCriteria.create(input)).not.toThrow();
    },
  );

  it('lets no two entries claim the same code', () => {
    const prefixes = sut.entries.flatMap((entry) => entry.prefixes);

    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('nests entries only where one deliberately refines another', () => {
    const nested = sut.entries.flatMap((inner) =>
      sut.entries
        .filter((outer) => outer !== inner)
        .filter((outer) => inner.prefixes.some((p) => outer.prefixes.some((q) => prefixCovers(q, p))))
        .map((outer) => `${inner.nameEn} in ${outer.nameEn}`),
    );

    expect(nested.sort()).toEqual([
      'Acute coronary syndrome in Coronary heart disease (stable angina, chronic ischaemic heart disease)',
      'Chronic complications of type 2 diabetes in Type 2 diabetes',
    ]);
  });

  it.each([
    ['I10', '高血压'],
    ['I11.9', '高血压'],
    ['E11.9', '2型糖尿病'],
    ['E11.2', '2型糖尿病慢性并发症'],
    ['E11.501', '2型糖尿病慢性并发症'],
    ['J44.1', '慢性阻塞性肺疾病'],
    ['I20.9', '冠心病（稳定型心绞痛、慢性缺血性心脏病）'],
    ['I25.1', '冠心病（稳定型心绞痛、慢性缺血性心脏病）'],
    ['I20.0', '急性冠脉综合征'],
    ['I21.4', '急性冠脉综合征'],
    ['I63.9', '急性脑卒中'],
    ['I61.0', '急性脑卒中'],
    ['G45.9', '短暂性脑缺血发作'],
    ['I69.3', '脑卒中恢复期及后遗症'],
    ['I50.9', '慢性心力衰竭'],
    ['I48.x01', '心房颤动'],
    ['N18.3', '慢性肾脏病'],
    ['J45.9', '支气管哮喘'],
    ['J18.9', '社区获得性肺炎'],
    ['J06.9', '急性上呼吸道感染'],
    ['A15.0', '结核病（含疑似肺结核）'],
    ['E78.0', '血脂异常'],
    ['M81.0', '骨质疏松症'],
    ['M17.1', '膝骨关节炎'],
    ['M51.2', '腰椎间盘突出症'],
    ['M10.0', '痛风及高尿酸血症'],
    ['E79.0', '痛风及高尿酸血症'],
    ['E03.9', '甲状腺功能减退症'],
    ['E05.0', '甲状腺功能亢进症'],
    ['K29.5', '慢性胃炎'],
    ['K25.9', '消化性溃疡'],
    ['B18.1', '慢性乙型病毒性肝炎'],
    ['K74.6', '肝硬化'],
    ['K70.3', '肝硬化'],
    ['N40', '良性前列腺增生'],
    ['N39.0', '尿路感染'],
    ['F32.9', '抑郁障碍'],
    ['F20.0', '精神分裂症'],
    ['F03', '痴呆（含阿尔茨海默病）'],
    ['G30.9', '痴呆（含阿尔茨海默病）'],
    ['G20', '帕金森病'],
    ['G40.9', '癫痫'],
    ['G41.0', '癫痫'],
    ['H25.9', '白内障'],
    ['H66.1', '慢性化脓性中耳炎'],
    ['J30.4', '变应性鼻炎'],
    ['O14.1', '妊娠期高血压疾病'],
  ])('files %s under %s', (code, nameZh) => {
    expect(sut.lookup(code)?.nameZh).toBe(nameZh);
  });

  it('leaves codes outside its diseases uncatalogued', () => {
    expect(
      ['E10.9', 'I26.9', 'K70.0', 'O12.0', 'H66.0', 'J30.0', 'B18.2', 'C34.9'].map((c) => sut.lookup(c)),
    ).toEqual(Array(8).fill(undefined));
  });

  it('sends suspected acute coronary syndrome to the chest-pain centre', () => {
    for (const code of ['I20.0', 'I21.0', 'I21.9', 'I22.1', 'I24.9']) {
      expect(sut.evaluateUpward(code, ['ACS_ISCHAEMIC_CHEST_PAIN']).greenChannel).toBe('chest-pain');
    }
  });

  it('sends suspected acute stroke and TIA to the stroke centre', () => {
    for (const code of ['I60.9', 'I61.0', 'I62.0', 'I63.9', 'I64']) {
      expect(sut.evaluateUpward(code, ['STROKE_FOCAL_DEFICIT']).greenChannel).toBe('stroke');
    }
    expect(sut.evaluateUpward('G45.9', ['TIA_RECENT']).greenChannel).toBe('stroke');
  });

  it('keeps the green channel to acute coronary syndrome, stroke and TIA, none of them primary-care diseases', () => {
    const green = sut.entries.filter((entry) => entry.greenChannel !== 'none');

    expect(green.map((entry) => [entry.nameEn, entry.greenChannel])).toEqual([
      ['Acute coronary syndrome', 'chest-pain'],
      ['Acute stroke', 'stroke'],
      ['Transient ischaemic attack', 'stroke'],
    ]);
    expect(green.every((entry) => !entry.primaryManageable)).toBe(true);
  });

  it('names a national or provincial guide for every entry', () => {
    for (const entry of sut.entries) {
      expect(entry.sources.some((s) => s.kind === 'national' || s.kind === 'provincial')).toBe(true);
    }
  });

  it('gives every indication and criterion a code unique across the catalogue', () => {
    const codes = sut.entries.flatMap((e) =>
      [...e.upwardIndications, ...e.downwardCriteria].map((c) => c.code),
    );

    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refers uncontrolled hypertension up on the national thresholds and sends it back when controlled', () => {
    const entry = sut.lookup('I10')!;

    expect(entry.upwardIndication('HTN_SEVERE')?.zh).toContain('180/110 mmHg');
    expect(entry.upwardIndication('HTN_PREGNANCY')).toBeDefined();
    expect(entry.upwardIndication('HTN_SECONDARY_SUSPECTED')).toBeDefined();
    expect(entry.downwardCriterion('HTN_BP_AT_TARGET')?.en).toContain('≥2 weeks on a stable regimen');
    expect(
      sut.evaluateDownward(
        'I10.x00',
        entry.downwardCriteria.map((c) => c.code),
      ).withoutCriteria,
    ).toBe(false);
  });
});
