import { v7 as uuidv7 } from 'uuid';
import { aDrug, anOriginatorDrug } from '../../../catalogue/test/drug.factory';
import { PurchasingErrorCode } from '../../domain/purchasing-error';
import { atorvastatinOtherMaker } from '../../test/purchasing.factory';
import { PurchasingFixtures } from '../../test/purchasing.fixtures';
import { GetRequisitionQuery } from '../get-requisition/get-requisition.query';
import { ListRequisitionsQuery } from '../list-requisitions/list-requisitions.query';
import { RaiseRequisitionCommand } from './raise-requisition.command';
import { RaiseRequisitionUseCase } from './raise-requisition.use-case';

/** An institution raises requisitions of its own formulary, through the real store; it and its centre read them. */
describe(RaiseRequisitionUseCase.name, () => {
  let fixtures: PurchasingFixtures;
  let sut: RaiseRequisitionUseCase;

  beforeAll(async () => {
    fixtures = await PurchasingFixtures.create('pharmacy_raise_requisition');
    sut = fixtures.raiseRequisition;
  });

  afterAll(() => fixtures?.close());

  it('raises a requisition of stocked drugs, answers its retry with it, and lets the clinic and its centre read it', async () => {
    const { centre, clinic1, clinic2 } = await fixtures.aGroup();
    const command = RaiseRequisitionCommand.create({
      clientRequestId: uuidv7(),
      lines: [{ drugCode: aDrug().code.toLowerCase(), quantity: 10 }],
    });

    const raised = await sut.execute(clinic1, command);
    const retried = await sut.execute(clinic1, command);

    expect(raised.snapshot()).toMatchObject({
      institutionId: clinic1.institutionId,
      status: 'open',
      lines: [{ drugCode: aDrug().code, quantity: 10 }],
    });
    expect(retried.id).toBe(raised.id);
    const query = GetRequisitionQuery.create({ requisitionId: raised.id });
    expect((await fixtures.getRequisition.execute(centre, query)).id).toBe(raised.id);
    await expect(fixtures.getRequisition.execute(clinic2, query)).rejects.toMatchObject({
      code: PurchasingErrorCode.NotFound,
    });
    const all = ListRequisitionsQuery.create({});
    expect((await fixtures.listRequisitions.execute(centre, all)).requisitions.map((r) => r.id)).toEqual([
      raised.id,
    ]);
    expect((await fixtures.listRequisitions.execute(clinic2, all)).requisitions).toEqual([]);
  });

  it('refuses a drug the clinic does not stock and a negative or fractional quantity, naming each line, storing nothing', async () => {
    const { centre, clinic1 } = await fixtures.aGroup();

    const refused = sut.execute(
      clinic1,
      RaiseRequisitionCommand.create({
        clientRequestId: uuidv7(),
        lines: [
          { drugCode: aDrug().code, quantity: -1 },
          { drugCode: atorvastatinOtherMaker.code, quantity: 2 },
          { drugCode: anOriginatorDrug().code, quantity: 1.5 },
        ],
      }),
    );

    await expect(refused).rejects.toMatchObject({
      category: 'invalid-argument',
      violations: [
        expect.objectContaining({ field: 'lines[0].quantity', reason: PurchasingErrorCode.InvalidQuantity }),
        expect.objectContaining({ field: 'lines[1].drugCode', reason: PurchasingErrorCode.ItemNotStocked }),
        expect.objectContaining({ field: 'lines[2].drugCode', reason: PurchasingErrorCode.UnknownDrug }),
        expect.objectContaining({ field: 'lines[2].quantity', reason: PurchasingErrorCode.InvalidQuantity }),
      ],
    });
    expect(
      (await fixtures.listRequisitions.execute(centre, ListRequisitionsQuery.create({}))).requisitions,
    ).toEqual([]);
  });

  it('refuses a group administrator, who is no institution', async () => {
    const { centre } = await fixtures.aGroup();

    await expect(
      sut.execute(
        centre,
        RaiseRequisitionCommand.create({
          clientRequestId: uuidv7(),
          lines: [{ drugCode: aDrug().code, quantity: 1 }],
        }),
      ),
    ).rejects.toMatchObject({ code: PurchasingErrorCode.Forbidden });
  });
});
