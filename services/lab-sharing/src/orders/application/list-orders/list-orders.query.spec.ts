import { refusedFields } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { ListOrdersQuery } from './list-orders.query';

describe(ListOrdersQuery.name, () => {
  const page = { pageSize: 0, pageToken: '' };

  it("reads a centre's orders, any status, the default page", () => {
    const centreId = uuidv7();

    const sut = ListOrdersQuery.create({ orderingInstitutionId: '', centreId, status: undefined, ...page });

    expect(sut).toMatchObject({ owner: { centreId }, status: undefined, page: { size: 50, after: null } });
  });

  it('refuses a request naming both or neither owner, an unknown status and a page too large', () => {
    const both = { orderingInstitutionId: uuidv7(), centreId: uuidv7() };

    expect(refusedFields(() => ListOrdersQuery.create({ ...both, status: undefined, ...page }))).toEqual([
      ['orderingInstitutionId', 'ONE_OF_REQUIRED'],
    ]);
    expect(
      refusedFields(() =>
        ListOrdersQuery.create({
          orderingInstitutionId: '',
          centreId: '',
          status: null,
          pageSize: 201,
          pageToken: 'x',
        }),
      ),
    ).toEqual([
      ['status', 'INVALID_VALUE'],
      ['pageSize', 'OUT_OF_RANGE'],
      ['pageToken', 'INVALID_FORMAT'],
      ['orderingInstitutionId', 'ONE_OF_REQUIRED'],
    ]);
  });
});
