import { refusedFields } from '@medgrid/testing';
import { ListCentresQuery, type ListCentresInput } from './list-centres.query';

const input = (patch: Partial<ListCentresInput> = {}): ListCentresInput => ({
  groupId: '',
  kind: undefined,
  includeClosed: false,
  pageSize: 0,
  pageToken: '',
  ...patch,
});

describe(ListCentresQuery.name, () => {
  const sut = ListCentresQuery;

  it("reads the caller's group's active centres of any kind, 50 a page unless asked", () => {
    expect(sut.create(input())).toMatchObject({
      groupId: undefined,
      kind: undefined,
      includeClosed: false,
      page: { size: 50, limit: 51, after: null },
    });
  });

  it('refuses a malformed group, a page above 200 and a token of another list, all at once', () => {
    expect(
      refusedFields(() => sut.create(input({ groupId: 'g-1', pageSize: 201, pageToken: 'abc' }))),
    ).toEqual([
      ['groupId', 'INVALID_FORMAT'],
      ['pageSize', 'OUT_OF_RANGE'],
      ['pageToken', 'INVALID_FORMAT'],
    ]);
  });
});
