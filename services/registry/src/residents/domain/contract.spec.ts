import { ResidentId } from '@medgrid/kernel';
import { Contract, DEFAULT_CONTRACT_RULES, populationTags } from './contract';
import { Resident, type ResidentSnapshot } from './resident';

const rules = DEFAULT_CONTRACT_RULES;
const resident = (idNumber: string): ResidentSnapshot =>
  Resident.register({
    id: 'r1',
    residentId: ResidentId.parse(idNumber) as ResidentId,
    name: '张三',
    phone: '13800138000',
    gridId: 'g1',
  }).snapshot();
const elderlyWoman = resident('11010519491231002X'); // born 1949-12-31, female
const team = { id: 't1', groupId: 'grp1' };

describe(Contract.name, () => {
  it('runs one term from its start date, inclusive', () => {
    const sut = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2026-11-23', tags: [] },
      rules,
    );

    expect(sut.snapshot()).toMatchObject({
      startDate: '2026-11-23',
      endDate: '2027-11-22',
      status: 'active',
      groupId: 'grp1',
    });
    expect(sut.inForceOn('2027-11-22')).toBe(true);
    expect(sut.inForceOn('2027-11-23')).toBe(false);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['signed']);
  });

  it('renews for another term from the day after its end', () => {
    const sut = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2026-01-31', tags: [] },
      rules,
    );

    sut.renew('2026-12-01', rules);

    expect(sut.snapshot()).toMatchObject({ endDate: '2028-01-30', version: 2 });
  });

  it('is renewed only in the last 90 days of its term, so a second renewal (a retry) adds no second term', () => {
    const sut = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2026-01-31', tags: [] },
      rules,
    ); // ends 2027-01-30

    expect(() => sut.renew('2026-11-01', rules)).toThrow(
      expect.objectContaining({
        code: 'CONTRACT_NOT_YET_RENEWABLE',
        message: 'runs until 2027-01-30; it may be renewed from 2026-11-02',
      }) as Error,
    );
    sut.renew('2026-11-02', rules);
    expect(sut.snapshot()).toMatchObject({ endDate: '2028-01-30', version: 2 });
    expect(() => sut.renew('2026-11-02', rules)).toThrow(/may be renewed from 2027-11-02$/);
    expect(sut.snapshot()).toMatchObject({ endDate: '2028-01-30', version: 2 });
  });

  it('opens renewal no earlier than the current term for terms shorter than the window', () => {
    const monthly = { ...rules, termMonths: 1 };
    const sut = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2026-01-01', tags: [] },
      monthly,
    ); // ends 2026-01-31

    sut.renew('2026-01-05', monthly);

    expect(sut.snapshot().endDate).toBe('2026-02-28');
    expect(() => sut.renew('2026-01-05', monthly)).toThrow(/may be renewed from 2026-02-01$/);
  });

  it('cannot be renewed once lapsed, or renewed or ended once ended', () => {
    const lapsed = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2025-01-01', tags: [] },
      rules,
    );
    expect(() => lapsed.renew('2026-06-01', rules)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_NOT_ACTIVE' }) as Error,
    );

    const ended = Contract.sign(
      { id: 'c2', resident: elderlyWoman, team, startDate: '2026-11-23', tags: [] },
      rules,
    );
    ended.end(new Date('2026-12-01T02:00:00Z'));
    expect(ended.snapshot()).toMatchObject({ status: 'ended', endedAt: new Date('2026-12-01T02:00:00Z') });
    expect(() => ended.renew('2026-12-02', rules)).toThrow(
      expect.objectContaining({ code: 'CONTRACT_NOT_ACTIVE' }) as Error,
    );
    expect(() => ended.end(new Date())).toThrow(
      expect.objectContaining({ code: 'CONTRACT_NOT_ACTIVE' }) as Error,
    );
  });

  it('expires the day after its end date, and only then', () => {
    const sut = Contract.sign(
      { id: 'c1', resident: elderlyWoman, team, startDate: '2025-11-23', tags: [] },
      rules,
    );

    sut.expire('2026-11-22');
    expect(sut.snapshot().status).toBe('active');

    sut.expire('2026-11-23');
    expect(sut.snapshot().status).toBe('expired');
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['signed', 'expired']);
  });
});

describe(populationTags.name, () => {
  const sut = populationTags;

  it('adds elderly from 65 and keeps declared conditions in a fixed order', () => {
    expect(sut(elderlyWoman, ['diabetes', 'hypertension'], '2026-11-23', rules)).toEqual([
      'elderly',
      'hypertension',
      'diabetes',
    ]);
  });

  it('refuses elderly for a younger resident and maternal for a man', () => {
    const youngMan = resident('110105199001011232');
    expect(() => sut(youngMan, ['elderly'], '2026-11-23', rules)).toThrow(
      expect.objectContaining({ code: 'POPULATION_TAG_DOES_NOT_FIT' }) as Error,
    );
    expect(() => sut(youngMan, ['maternal'], '2026-11-23', rules)).toThrow(
      expect.objectContaining({ code: 'POPULATION_TAG_DOES_NOT_FIT' }) as Error,
    );
  });

  it('adds child up to the configured age', () => {
    const toddler = resident('110105202301010025');
    expect(sut(toddler, [], '2026-11-23', rules)).toEqual(['child']);
    expect(sut(toddler, [], '2026-11-23', { ...rules, childMaxAge: 2 })).toEqual([]);
  });
});

describe(Resident.name, () => {
  it('takes birth date and sex from the ID number', () => {
    const sut = resident('11010519491231002X');

    expect(sut).toMatchObject({ birthDate: '1949-12-31', sex: 'female', version: 1 });
  });
});
