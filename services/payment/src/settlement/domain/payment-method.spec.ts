import { type Fen } from '../../common/domain/money';
import { type CompositeScheme, FEE_FOR_SERVICE_ONLY, fixedPayment, methodOf } from './payment-method';

const composite: CompositeScheme = {
  perCase: [{ diseaseGroup: 'K35', price: 800_000 as Fen }],
  bedDay: {
    diseaseGroups: ['Z50'],
    perDay: { primary: 20_000 as Fen, secondary: 30_000 as Fen, tertiary: 40_000 as Fen },
  },
  pointsForInpatient: true,
};

describe(methodOf.name, () => {
  const sut = methodOf;

  it('pays a per-case group its price, a long stay by the day, other stays by points, the rest fee-for-service', () => {
    const stay = (diseaseGroup: string | null) => ({
      encounter: { kind: 'inpatient' as const, days: 10 },
      diseaseGroup,
    });

    expect(sut(stay('K35'), composite)).toBe('per-case');
    expect(sut(stay('Z50'), composite)).toBe('bed-day');
    expect(sut(stay('I63'), composite)).toBe('points');
    expect(sut(stay(null), composite)).toBe('fee-for-service');
    expect(sut({ encounter: { kind: 'outpatient' }, diseaseGroup: 'I63' }, composite)).toBe(
      'fee-for-service',
    );
    expect(sut(stay('I63'), FEE_FOR_SERVICE_ONLY)).toBe('fee-for-service');
  });
});

describe(fixedPayment.name, () => {
  const sut = fixedPayment;

  it('is the per-case price, or the days × the level’s bed-day price, and nothing for the other methods', () => {
    expect(
      sut({ encounter: { kind: 'inpatient', days: 4 }, diseaseGroup: 'K35' }, 'tertiary', composite),
    ).toBe(800_000);
    expect(
      sut({ encounter: { kind: 'inpatient', days: 30 }, diseaseGroup: 'Z50' }, 'secondary', composite),
    ).toBe(900_000);
    expect(
      sut({ encounter: { kind: 'inpatient', days: 5 }, diseaseGroup: 'I63' }, 'tertiary', composite),
    ).toBeNull();
  });
});
