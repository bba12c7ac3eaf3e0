import { ValidationError } from '@medgrid/errors';
import { RemoveCriteriaCommand } from './remove-criteria.command';

describe(RemoveCriteriaCommand.name, () => {
  it('reads the key trimmed', () => {
    const sut = RemoveCriteriaCommand.create({ key: ' I10-I13 ' });

    expect(sut.key).toBe('I10-I13');
  });

  it('refuses an empty key as missing', () => {
    let error: unknown;
    try {
      RemoveCriteriaCommand.create({ key: '  ' });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations).toEqual([
      { field: 'key', reason: 'REQUIRED', description: 'is required' },
    ]);
  });
});
