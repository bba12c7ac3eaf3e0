import { ValidationError } from '@medgrid/errors';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { RaiseRequisitionCommand } from './raise-requisition.command';

describe(RaiseRequisitionCommand.name, () => {
  const sut = RaiseRequisitionCommand;
  const clientRequestId = '0190a0a0-0000-7000-8000-00000000c001';

  it('reads codes trimmed and upper case and leaves quantities for the requisition to judge', () => {
    const command = sut.create({
      clientRequestId,
      lines: [{ drugCode: ` ${aDrug().code.toLowerCase()} `, quantity: -3 }],
    });

    expect(command.lines).toEqual([{ drugCode: aDrug().code, quantity: -3 }]);
  });

  it('names a malformed code by its line', () => {
    let error: unknown;
    try {
      sut.create({
        clientRequestId,
        lines: [
          { drugCode: aDrug().code, quantity: 1 },
          { drugCode: 'X1', quantity: 1 },
        ],
      });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => v.field)).toEqual(['lines[1].drugCode']);
  });
});
