import { refusedFields } from '@medgrid/testing';
import {
  ListSterilisationBatchesQuery,
  type ListSterilisationBatchesInput,
} from './list-sterilisation-batches.query';

const CENTRE = '0193a5c0-0000-7000-8000-0000000000c1';
const input = (patch: Partial<ListSterilisationBatchesInput> = {}): ListSterilisationBatchesInput => ({
  centreId: CENTRE,
  sendingInstitutionId: '',
  status: undefined,
  pageSize: 0,
  pageToken: '',
  ...patch,
});

describe(ListSterilisationBatchesQuery.name, () => {
  const sut = ListSterilisationBatchesQuery;

  it("reads a centre's list, 50 a page unless asked", () => {
    expect(sut.create(input())).toMatchObject({
      owner: { centreId: CENTRE },
      page: { size: 50, after: null },
    });
  });

  it.each([
    ['neither', { centreId: '' }],
    ['both', { sendingInstitutionId: '0193a5c0-0000-7000-8000-0000000000a1' }],
  ])('refuses %s of centreId and sendingInstitutionId', (_, patch) => {
    expect(refusedFields(() => sut.create(input(patch)))).toEqual([['centreId', 'ONE_OF_REQUIRED']]);
  });

  it('refuses a page size above 200 and a token of another list, with the other fields', () => {
    expect(
      refusedFields(() => sut.create(input({ centreId: 'x', pageSize: 201, pageToken: 'nope' }))),
    ).toEqual([
      ['centreId', 'INVALID_FORMAT'],
      ['pageSize', 'OUT_OF_RANGE'],
      ['pageToken', 'INVALID_FORMAT'],
    ]);
  });
});
