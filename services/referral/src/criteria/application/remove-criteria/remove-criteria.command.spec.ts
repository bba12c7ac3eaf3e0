import { ValidationError } from '@medgrid/errors';
import { RemoveCriteriaCommand } from './remove-criteria.command';

const clientRequestId = '0193A000-0000-7000-8000-00000000C001';

describe(RemoveCriteriaCommand.name, () => {
  it('reads the key trimmed and the request id lower-cased', () => {
    const sut = RemoveCriteriaCommand.create({ key: ' I10-I13 ', clientRequestId });

    expect(sut).toEqual({ key: 'I10-I13', clientRequestId: clientRequestId.toLowerCase() });
  });

  it('refuses an empty key as missing and a request without its id, together', () => {
    let error: unknown;
    try {
      RemoveCriteriaCommand.create({ key: '  ', clientRequestId: '' });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations).toEqual([
      { field: 'key', reason: 'REQUIRED', description: 'is required' },
      { field: 'clientRequestId', reason: 'REQUIRED', description: 'is required' },
    ]);
  });
});
