import { refusedFields } from '@medgrid/testing';
import { SearchAvailabilityQuery } from './search-availability.query';

// 09:00 on 4 Dec 2026 in Shanghai.
const now = new Date('2026-12-04T01:00:00Z');
const search = (patch: Partial<Parameters<typeof SearchAvailabilityQuery.create>[0]> = {}) => ({
  institutionId: '0193A5C0-0000-7000-8000-0000000000A1',
  departmentId: '',
  practitionerId: '',
  specialtyCode: ' 03.01 ',
  fromDate: '',
  toDate: '',
  pool: undefined,
  pageSize: 0,
  pageToken: '',
  ...patch,
});

describe(SearchAvailabilityQuery.name, () => {
  const sut = SearchAvailabilityQuery;

  it('searches from today (Asia/Shanghai) for two weeks when no dates are given', () => {
    expect(sut.create(search(), now)).toMatchObject({
      institutionId: '0193a5c0-0000-7000-8000-0000000000a1',
      specialtyCode: '03.01',
      fromDate: '2026-12-04',
      toDate: '2026-12-18',
      pool: null,
    });
  });

  it.each([
    ['dates in reverse order', { fromDate: '2026-12-02', toDate: '2026-12-01' }, 'toDate', 'BEFORE_START'],
    ['an end before today when the start is left empty', { toDate: '2020-01-01' }, 'toDate', 'BEFORE_START'],
    ['a date that does not exist', { fromDate: '2026-02-30' }, 'fromDate', 'INVALID_FORMAT'],
    ['a pool the contract does not know', { pool: null }, 'pool', 'INVALID_VALUE'],
    ['a department that is not a UUID', { departmentId: 'cardiology' }, 'departmentId', 'INVALID_FORMAT'],
    ['a page size above 200', { pageSize: 201 }, 'pageSize', 'OUT_OF_RANGE'],
  ] as const)('refuses %s, naming the field', (_, patch, field, reason) => {
    expect(refusedFields(() => sut.create(search(patch), now))).toEqual([[field, reason]]);
  });

  it('refuses a start that is not a date with the end left empty, naming the start only', () => {
    expect(refusedFields(() => sut.create(search({ fromDate: 'next week' }), now))).toEqual([
      ['fromDate', 'INVALID_FORMAT'],
    ]);
  });
});
