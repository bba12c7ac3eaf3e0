import { refusedFields } from '@medgrid/testing';
import {
  SendSterilisationBatchCommand,
  type SendSterilisationBatchInput,
} from './send-sterilisation-batch.command';

const input = (patch: Partial<SendSterilisationBatchInput> = {}): SendSterilisationBatchInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  sendingInstitutionId: '',
  centreId: '0193A5C0-0000-7000-8000-0000000000C1',
  packages: [{ code: 'PKG-0001', name: '换药包', quantity: 10 }],
  ...patch,
});

describe(SendSterilisationBatchCommand.name, () => {
  const sut = SendSterilisationBatchCommand;

  it("reads the batch for the caller's institution, ids lower case, packages as sent", () => {
    expect(sut.create(input())).toEqual({
      clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
      sendingInstitutionId: undefined,
      centreId: '0193a5c0-0000-7000-8000-0000000000c1',
      packages: [{ code: 'PKG-0001', name: '换药包', quantity: 10 }],
    });
  });

  it('refuses malformed ids and more than 200 packages, all at once', () => {
    const packages = Array.from({ length: 201 }, (_, i) => ({ code: `PKG-${i}`, name: '包', quantity: 1 }));
    expect(
      refusedFields(() => sut.create(input({ sendingInstitutionId: 'site', centreId: '', packages }))),
    ).toEqual([
      ['sendingInstitutionId', 'INVALID_FORMAT'],
      ['centreId', 'REQUIRED'],
      ['packages', 'OUT_OF_RANGE'],
    ]);
  });
});
