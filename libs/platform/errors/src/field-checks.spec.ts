import { ValidationError } from './app-error';
import { FieldChecks } from './field-checks';

describe(FieldChecks.name, () => {
  it('reports every bad field at once', () => {
    const sut = new FieldChecks().required('a', '').uuid('b', 'not-a-uuid').uuid('c', undefined);

    try {
      sut.throwIfAny();
      fail('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).violations).toEqual([
        { field: 'a', reason: 'REQUIRED', description: 'is required' },
        { field: 'b', reason: 'INVALID_FORMAT', description: 'must be a UUID' },
        { field: 'c', reason: 'REQUIRED', description: 'is required' },
      ]);
      expect((error as ValidationError).category).toBe('invalid-argument');
    }
  });

  it('accepts UUIDv4 and UUIDv7 and passes when nothing is wrong', () => {
    const sut = new FieldChecks()
      .uuid('v4', '3b241101-e2bb-4255-8caf-4136c566a962')
      .uuid('v7', '01936c6e-8a5b-7cc2-9f3e-2b6f1c9d0e4a');

    expect(() => sut.throwIfAny()).not.toThrow();
  });

  it('flags a string over its maximum length', () => {
    expect(() => new FieldChecks().maxLength('reason', 'x'.repeat(11), 10).throwIfAny()).toThrow(
      /at most 10/,
    );
  });

  it('reports violations found elsewhere with its own', () => {
    const sut = new FieldChecks()
      .required('name', '')
      .addAll([{ field: 'pageSize', reason: 'OUT_OF_RANGE', description: 'must be 1 to 200 (0 for 50)' }]);

    let thrown: unknown;
    try {
      sut.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ValidationError).violations).toEqual([
      expect.objectContaining({ field: 'name' }),
      { field: 'pageSize', reason: 'OUT_OF_RANGE', description: 'must be 1 to 200 (0 for 50)' },
    ]);
  });
});
