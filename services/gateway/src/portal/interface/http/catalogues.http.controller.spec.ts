import { type Identity } from '@medgrid/auth';
import { drugCatalogueServiceV1, recognitionServiceV1, referralV1 } from '@medgrid/contracts';
import { type AppError, ValidationError } from '@medgrid/errors';
import { type RegistryView } from '@medgrid/registry-view';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { ServiceCallers } from '../../application/service-callers';
import { type CriteriaGrpcClient } from '../../infrastructure/grpc-client/criteria.grpc-client';
import { type LabSharingGrpcClient } from '../../infrastructure/grpc-client/lab-sharing.grpc-client';
import { type PharmacyGrpcClient } from '../../infrastructure/grpc-client/pharmacy.grpc-client';
import { CataloguesHttpController } from './catalogues.http.controller';

const CITY = '0193a000-0000-7000-8000-0000000000c1';
const GROUP = '0193a000-0000-7000-8000-0000000000a1';
const OTHER_GROUP = '0193a000-0000-7000-8000-0000000000a2';
const REQUEST_ID = '0193a000-0000-7000-8000-0000000000f1';

const operator: PortalUserView = {
  id: 'u1',
  username: 'operator',
  displayName: '运营',
  role: 'city-operator',
  cityId: CITY,
  institutionId: null,
  groupId: null,
};
const groupAdmin: PortalUserView = { ...operator, id: 'u2', role: 'group-admin', groupId: GROUP };

const signedIn = (user: PortalUserView) =>
  ({ portal: { user, endsAt: new Date(Date.now() + 60_000) } }) as unknown as SignedInRequest;

/** Every call the controller made of the services: the method, the caller's role and the request. */
type Call = [method: string, role: Identity['role'], request: unknown];

function fakeClient<T>(calls: Call[], answers: Record<string, unknown> = {}): T {
  return new Proxy(
    {},
    {
      get:
        (_, method: string) =>
        (caller: Identity, ...args: unknown[]) => {
          calls.push([method, caller.role, args.length === 1 ? args[0] : args]);
          return Promise.resolve(answers[method] ?? {});
        },
    },
  ) as T;
}

describe(CataloguesHttpController.name, () => {
  let calls: Call[];
  let sut: CataloguesHttpController;

  beforeEach(() => {
    calls = [];
    sut = new CataloguesHttpController(
      new ServiceCallers({} as RegistryView),
      fakeClient<CriteriaGrpcClient>(calls, { listCriteria: { entries: [] } }),
      fakeClient<LabSharingGrpcClient>(calls, {
        getRecognitionCatalogue: { items: [], nextPageToken: '' },
      }),
      fakeClient<PharmacyGrpcClient>(calls, { getDrugCatalogue: { drugs: [], nextPageToken: '' } }),
    );
  });

  it('puts a criteria entry as proto3 JSON sent it, leaving out the key and time the catalogue keeps', async () => {
    await sut.putCriteria(signedIn(operator), {
      clientRequestId: REQUEST_ID,
      entry: {
        key: 'I10',
        updatedAt: 'not an instant',
        covers: ['I10'],
        nameZh: '高血压',
        greenChannel: 'GREEN_CHANNEL_STROKE',
        upwardIndications: [{ code: 'HTN_UNCONTROLLED', zh: '血压控制不佳', en: 'Uncontrolled' }],
      },
    });

    expect(calls).toEqual([
      [
        'putCriteria',
        'city-operator',
        expect.objectContaining({
          clientRequestId: REQUEST_ID,
          entry: expect.objectContaining({
            key: '',
            updatedAt: undefined,
            covers: ['I10'],
            nameZh: '高血压',
            greenChannel: referralV1.GreenChannel.GREEN_CHANNEL_STROKE,
            upwardIndications: [{ code: 'HTN_UNCONTROLLED', zh: '血压控制不佳', en: 'Uncontrolled' }],
          }) as unknown,
        }),
      ],
    ]);
  });

  it('removes a criteria entry by the key of the path with the idempotency key of the query', async () => {
    await sut.removeCriteria(signedIn(operator), 'I10-I13', REQUEST_ID);

    expect(calls).toEqual([['removeCriteria', 'city-operator', ['I10-I13', REQUEST_ID]]]);
  });

  it("reads and edits the recognition catalogue of the user's own city, the item's code from the path", async () => {
    await sut.recognitionCatalogue(signedIn(operator), { pageSize: '50', pageToken: 'next' });
    await sut.putRecognitionItem(signedIn(operator), 'LAB-GLU', {
      clientRequestId: REQUEST_ID,
      regionId: 'another city',
      fromVersion: 3,
      item: {
        code: 'IGNORED',
        name: '血糖',
        kind: 'laboratory',
        recognition: { validityDays: 7, scope: 'RECOGNITION_SCOPE_REGION', quality: [] },
      },
    });
    await sut.removeRecognitionItem(signedIn(operator), 'LAB-GLU', {
      clientRequestId: REQUEST_ID,
      fromVersion: '4',
    });

    expect(calls).toEqual([
      ['getRecognitionCatalogue', 'city-operator', [CITY, 50, 'next']],
      [
        'putRecognitionCatalogueItem',
        'city-operator',
        expect.objectContaining({
          regionId: CITY,
          fromVersion: 3,
          item: expect.objectContaining({
            code: 'LAB-GLU',
            name: '血糖',
            recognition: {
              validityDays: 7,
              scope: recognitionServiceV1.RecognitionScope.RECOGNITION_SCOPE_REGION,
              quality: [],
            },
          }) as unknown,
        }),
      ],
      [
        'removeRecognitionCatalogueItem',
        'city-operator',
        { clientRequestId: REQUEST_ID, regionId: CITY, fromVersion: 4, itemCode: 'LAB-GLU' },
      ],
    ]);
  });

  it('reads the drug catalogue of the group the path names, for the service to judge, with paging and an instant', async () => {
    await sut.drugCatalogue(signedIn(operator), OTHER_GROUP, {
      pageSize: '20',
      pageToken: 't',
      at: '2026-11-01T00:00:00Z',
    });
    await sut.searchDrugs(signedIn(operator), OTHER_GROUP, { genericName: '氨氯地平' });

    expect(calls).toEqual([
      [
        'getDrugCatalogue',
        'city-operator',
        drugCatalogueServiceV1.GetDrugCatalogueRequest.fromPartial({
          groupId: OTHER_GROUP,
          pageSize: 20,
          pageToken: 't',
          at: new Date('2026-11-01T00:00:00Z'),
        }),
      ],
      [
        'searchDrugs',
        'city-operator',
        drugCatalogueServiceV1.SearchDrugsRequest.fromPartial({
          groupId: OTHER_GROUP,
          genericName: '氨氯地平',
        }),
      ],
    ]);
  });

  it("puts and withdraws a drug of the group admin's own group, the code from the path", async () => {
    await sut.putDrug(signedIn(groupAdmin), GROUP, 'XC08CAA014A001010100535', {
      clientRequestId: REQUEST_ID,
      fromVersion: 2,
      drug: {
        code: 'X',
        genericName: '苯磺酸氨氯地平',
        unifiedPriceFen: '196',
        essential: true,
        levels: ['primary'],
      },
    });
    await sut.withdrawDrug(signedIn(groupAdmin), GROUP, 'XC08CAA014A001010100535', {
      clientRequestId: REQUEST_ID,
      fromVersion: 3,
      effectiveFrom: '2030-01-01T00:00:00Z',
    });

    expect(calls).toEqual([
      [
        'putDrug',
        'group-admin',
        expect.objectContaining({
          fromVersion: 2,
          effectiveFrom: undefined,
          drug: expect.objectContaining({
            code: 'XC08CAA014A001010100535',
            unifiedPriceFen: 196,
            bidPriceFen: undefined,
            essential: true,
            levels: ['primary'],
          }) as unknown,
        }),
      ],
      [
        'withdrawDrug',
        'group-admin',
        {
          clientRequestId: REQUEST_ID,
          fromVersion: 3,
          code: 'XC08CAA014A001010100535',
          effectiveFrom: new Date('2030-01-01T00:00:00Z'),
        },
      ],
    ]);
  });

  it("refuses a group admin's edit of another group's catalogue before calling pharmacy", async () => {
    await expect(
      sut.putDrug(signedIn(groupAdmin), OTHER_GROUP, 'XC08CAA014A001010100535', { drug: {} }),
    ).rejects.toMatchObject({ category: 'permission-denied' } satisfies Partial<AppError>);
    expect(calls).toEqual([]);
  });

  it('refuses numbers protobuf cannot carry as a 400 naming each field, a price in yuan as NOT_FEN', async () => {
    const refused = sut
      .putDrug(signedIn(groupAdmin), GROUP, 'XC08CAA014A001010100535', {
        fromVersion: -1,
        drug: { packSize: 2.5, unifiedPriceFen: 12.5, listPriceFen: '1350', bidPriceFen: 'abc' },
      })
      .catch((error: unknown) => error);

    const error = (await refused) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['fromVersion', 'INVALID_TYPE'],
      ['drug.packSize', 'INVALID_TYPE'],
      ['drug.bidPriceFen', 'NOT_FEN'],
      ['drug.unifiedPriceFen', 'NOT_FEN'],
    ]);
    await expect(sut.drugCatalogue(signedIn(operator), GROUP, { at: 'yesterday' })).rejects.toMatchObject({
      violations: [{ field: 'at', reason: 'INVALID_FORMAT' }],
    });
    expect(calls).toEqual([]);
  });
});
