import { refusedFields } from './refused-fields';

describe(refusedFields.name, () => {
  const sut = refusedFields;

  it('answers the field and reason of each violation, in order', () => {
    const refused = sut(() => {
      throw Object.assign(new Error('bad'), {
        violations: [
          { field: 'name', reason: 'REQUIRED', description: 'is required' },
          { field: 'members[1].role', reason: 'INVALID_VALUE', description: 'is not a role' },
        ],
      });
    });

    expect(refused).toEqual([
      ['name', 'REQUIRED'],
      ['members[1].role', 'INVALID_VALUE'],
    ]);
  });

  it('answers none when nothing is refused', () => {
    expect(sut(() => 42)).toEqual([]);
  });

  it('rethrows a failure that refuses no field', () => {
    const crash = new Error('boom');

    expect(() =>
      sut(() => {
        throw crash;
      }),
    ).toThrow(crash);
  });
});
