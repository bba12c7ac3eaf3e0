import { refusedFields } from '@medgrid/testing';
import { SignContractCommand, type SignContractInput } from './sign-contract.command';

// 10:00 on 2027-03-01 in Asia/Shanghai.
const now = new Date('2027-03-01T02:00:00Z');
const valid: SignContractInput = {
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  residentId: '0193A000-0000-7000-8000-000000000001',
  teamId: '0193a000-0000-7000-8000-000000000002',
  startDate: ' 2027-03-15 ',
  tags: ['elderly', 'hypertension'],
};

const refused = (input: Partial<SignContractInput>) =>
  refusedFields(() => SignContractCommand.create({ ...valid, ...input }, now));

describe(SignContractCommand.name, () => {
  it('reads ids lower case and the start date trimmed; an empty start date is the day it is signed', () => {
    const sut = SignContractCommand.create(valid, now);

    expect(sut).toEqual({
      clientRequestId: valid.clientRequestId,
      residentId: '0193a000-0000-7000-8000-000000000001',
      teamId: valid.teamId,
      startDate: '2027-03-15',
      tags: ['elderly', 'hypertension'],
    });
    expect(SignContractCommand.create({ ...valid, startDate: '' }, now).startDate).toBe('');
  });

  it.each<[Partial<SignContractInput>, [string, string][]]>([
    [{ residentId: 'r-1' }, [['residentId', 'INVALID_FORMAT']]],
    [{ teamId: '' }, [['teamId', 'REQUIRED']]],
    [{ startDate: '15/03/2027' }, [['startDate', 'INVALID_FORMAT']]],
    [{ startDate: '2027-02-28' }, [['startDate', 'IN_THE_PAST']]],
    [{ startDate: '2027-05-31' }, [['startDate', 'TOO_FAR_AHEAD']]],
    [
      { tags: ['elderly', undefined, 'diabetes', undefined] },
      [
        ['tags[1]', 'INVALID_VALUE'],
        ['tags[3]', 'INVALID_VALUE'],
      ],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });

  it('takes today and the 90th day ahead as start dates (Asia/Shanghai)', () => {
    expect(refused({ startDate: '2027-03-01' })).toEqual([]);
    expect(refused({ startDate: '2027-05-30' })).toEqual([]);
  });
});
