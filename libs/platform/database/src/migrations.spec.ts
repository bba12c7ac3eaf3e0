import { inRunOrder } from './migrations';

describe(inRunOrder.name, () => {
  const sut = inRunOrder;

  it('orders names by the timestamp that ends them, as TypeORM runs them, whatever order they were listed in', () => {
    expect(
      sut(['Settlement1734500000004', 'KnownReferrals1766300000003', 'ClaimSettlementFigures1766200000001']),
    ).toEqual([
      'Settlement1734500000004',
      'ClaimSettlementFigures1766200000001',
      'KnownReferrals1766300000003',
    ]);
  });

  it('leaves the list it was given as it was', () => {
    const names = ['B1766300000003', 'A1766200000001'];

    sut(names);

    expect(names).toEqual(['B1766300000003', 'A1766200000001']);
  });
});
