import { ratio } from '../../capacity/domain/reserve-ratio';
import { planBeds, planWard } from './ward';

const input = {
  id: 'w1',
  institutionId: 'h1',
  groupId: 'g1',
  departmentId: 'd1',
  specialtyCode: '03.01',
  name: ' 心内科一病区 ',
  bedCount: 30,
};

describe(planWard.name, () => {
  const sut = planWard;

  it('reserves the hospital’s share of beds, rounded up (1/4 of 30 is 8)', () => {
    expect(sut(input, ratio(1, 4))).toMatchObject({
      name: '心内科一病区',
      bedCount: 30,
      reservedBeds: 8,
    });
  });

  it('reserves at least one bed of a small ward and all of a ward under a full ratio', () => {
    expect(sut({ ...input, bedCount: 1 }, ratio(1, 4)).reservedBeds).toBe(1);
    expect(sut({ ...input, bedCount: 7 }, ratio(1, 1)).reservedBeds).toBe(7);
  });
});

describe(planBeds.name, () => {
  const sut = planBeds;

  it('numbers the beds from 1 and puts the first reservedBeds in the reserved pool', () => {
    const beds = sut({ bedCount: 5, reservedBeds: 2 });
    expect(beds.map((b) => `${b.bedCode}:${b.pool}`)).toEqual([
      '1:reserved',
      '2:reserved',
      '3:public',
      '4:public',
      '5:public',
    ]);
    expect(beds.map((b) => b.sortOrder)).toEqual([1, 2, 3, 4, 5]);
  });
});
