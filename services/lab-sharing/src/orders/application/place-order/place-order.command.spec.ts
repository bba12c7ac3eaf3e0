import { aResidentId, refusedFields } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { PlaceOrderCommand, type PlaceOrderInput } from './place-order.command';

const now = new Date('2026-12-04T08:00:00Z');

function anInput(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    clientRequestId: uuidv7(),
    orderingInstitutionId: '',
    orderingPractitionerId: '',
    patientResidentId: aResidentId(),
    itemCode: 'ct-chest',
    centreId: '',
    clinicalInfo: '  咳嗽两周  ',
    urgency: 'urgent',
    referralId: '',
    lookupId: '',
    ...overrides,
  };
}

describe(PlaceOrderCommand.name, () => {
  it('reads the item code upper case, the information trimmed and empty ids as none', () => {
    const sut = PlaceOrderCommand.create(anInput(), now);

    expect(sut).toMatchObject({
      itemCode: 'CT-CHEST',
      clinicalInfo: '咳嗽两周',
      urgency: 'urgent',
      orderingInstitutionId: undefined,
      centreId: undefined,
      referralId: undefined,
      lookupId: undefined,
    });
  });

  it('names every bad field at once, in the order the request carries them', () => {
    const act = () =>
      PlaceOrderCommand.create(
        anInput({
          clientRequestId: 'x',
          patientResidentId: '110101199003070000',
          itemCode: ' ',
          centreId: 'nope',
          clinicalInfo: '',
          urgency: undefined,
          lookupId: 'bad',
        }),
        now,
      );

    expect(refusedFields(act)).toEqual([
      ['clientRequestId', 'INVALID_FORMAT'],
      ['patientResidentId', expect.any(String)],
      ['itemCode', 'REQUIRED'],
      ['centreId', 'INVALID_FORMAT'],
      ['clinicalInfo', 'REQUIRED'],
      ['urgency', 'REQUIRED'],
      ['lookupId', 'INVALID_FORMAT'],
    ]);
  });

  it('refuses clinical information longer than 2,000 characters', () => {
    expect(
      refusedFields(() => PlaceOrderCommand.create(anInput({ clinicalInfo: 'x'.repeat(2001) }), now)),
    ).toEqual([['clinicalInfo', 'TOO_LONG']]);
  });
});
