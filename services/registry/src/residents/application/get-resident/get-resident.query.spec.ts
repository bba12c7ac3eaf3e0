import { aResidentId, refusedFields } from '@medgrid/testing';
import { GetResidentQuery, type GetResidentInput } from './get-resident.query';

const id = '0193a000-0000-7000-8000-000000000001';
const residentIdNumber = aResidentId();
const refused = (input: Partial<GetResidentInput>) =>
  refusedFields(() =>
    GetResidentQuery.create({ id: '', residentIdNumber: '', purpose: 'treatment', ...input }),
  );

describe(GetResidentQuery.name, () => {
  it('reads a resident by id, lower case, or by ID number, upper case', () => {
    const sut = GetResidentQuery.create;

    expect(sut({ id: id.toUpperCase(), residentIdNumber: '', purpose: 'audit' })).toEqual({
      by: { id },
      purpose: 'audit',
    });
    expect(sut({ id: '', residentIdNumber: residentIdNumber.toLowerCase(), purpose: 'treatment' })).toEqual({
      by: { residentIdNumber },
      purpose: 'treatment',
    });
  });

  it.each<[Partial<GetResidentInput>, [string, string][]]>([
    [{}, [['id', 'ONE_OF']]],
    [{ id, residentIdNumber }, [['id', 'ONE_OF']]],
    [{ id: 'r-1' }, [['id', 'INVALID_FORMAT']]],
    [
      { id: 'r-1', residentIdNumber },
      [
        ['id', 'ONE_OF'],
        ['id', 'INVALID_FORMAT'],
      ],
    ],
    [{ residentIdNumber: '110105194912310021' }, [['residentIdNumber', 'INVALID_CHECK_CHARACTER']]],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
