import { z } from 'zod';
import { ValidationError } from './app-error';
import { type PageRules } from '@medgrid/kernel';
import { exactlyOneOf, fieldPath, pageFields, parseFields, refusal, requestField } from './request-fields';

type Level = 'primary' | 'secondary';

const schema = z.object({
  clientRequestId: requestField.uuid(),
  parentId: requestField.optionalUuid(),
  name: requestField.text(10),
  note: requestField.optionalText(5),
  term: requestField.optionalText(5, { trim: false }),
  level: requestField.present<Level>('must be PRIMARY or SECONDARY'),
  expectedVersion: requestField.version(),
  code: requestField.matching((value) => /^\d{2}$/.test(value), {
    reason: 'INVALID_FORMAT',
    description: 'must be two digits',
  }),
  size: requestField.parsed((value) =>
    /^\d+$/.test(value)
      ? { value: Number(value) }
      : { refusal: { reason: 'NOT_A_NUMBER', description: 'must be digits' } },
  ),
  count: requestField.checked(z.number(), (value) =>
    value % 2 === 0 ? [] : [{ reason: 'ODD', description: 'must be even' }],
  ),
  members: z
    .array(
      z.object({
        id: requestField.uuid(),
        role: requestField.present<string>('is not a role', 'INVALID_VALUE'),
      }),
    )
    .min(1, refusal('REQUIRED', 'a team needs members')),
});

const valid = {
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
  parentId: '',
  name: '  Ward 3 ',
  note: ' x ',
  term: ' y ',
  level: 'primary' as Level | undefined,
  expectedVersion: 2,
  code: '03',
  size: '12',
  count: 2,
  members: [{ id: '0193a000-0000-7000-8000-000000000001', role: 'lead' as string | undefined }],
};

function refusalOf(parse: () => unknown): ValidationError | undefined {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  return undefined;
}

function violations(input: Partial<typeof valid>): [string, string, string][] {
  const error = refusalOf(() => parseFields(schema, { ...valid, ...input }));
  return (error?.violations ?? []).map((v) => [v.field, v.reason, v.description]);
}

describe(parseFields.name, () => {
  const sut = parseFields;

  it('answers the input as the schema reads it: trimmed, lower-cased, parsed', () => {
    const parsed = sut(schema, valid);

    expect(parsed).toEqual({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      parentId: undefined,
      name: 'Ward 3',
      note: 'x',
      term: ' y ',
      level: 'primary',
      expectedVersion: 2,
      code: '03',
      size: 12,
      count: 2,
      members: [{ id: '0193a000-0000-7000-8000-000000000001', role: 'lead' }],
    });
  });

  it.each<[Partial<typeof valid>, [string, string, string][]]>([
    [{ clientRequestId: ' ' }, [['clientRequestId', 'REQUIRED', 'is required']]],
    [{ clientRequestId: 'request-1' }, [['clientRequestId', 'INVALID_FORMAT', 'must be a UUID']]],
    [{ parentId: 'x' }, [['parentId', 'INVALID_FORMAT', 'must be a UUID']]],
    [{ name: '' }, [['name', 'REQUIRED', 'is required']]],
    [{ name: 'x'.repeat(11) }, [['name', 'TOO_LONG', 'must be at most 10 characters']]],
    [{ note: 'abcdef' }, [['note', 'TOO_LONG', 'must be at most 5 characters']]],
    [{ level: undefined }, [['level', 'REQUIRED', 'must be PRIMARY or SECONDARY']]],
    [{ expectedVersion: 0 }, [['expectedVersion', 'REQUIRED', 'must be the version you read (1 or more)']]],
    [{ code: '3' }, [['code', 'INVALID_FORMAT', 'must be two digits']]],
    [{ size: 'ten' }, [['size', 'NOT_A_NUMBER', 'must be digits']]],
    [{ count: 3 }, [['count', 'ODD', 'must be even']]],
    [{ members: [] }, [['members', 'REQUIRED', 'a team needs members']]],
  ])('refuses %j naming the field, the reason and why', (input, expected) => {
    expect(violations(input)).toEqual(expected);
  });

  it('reports every bad field at once, in the order of the schema, nested ones by their path', () => {
    expect(
      violations({
        name: '',
        clientRequestId: 'x',
        members: [
          { id: '0193a000-0000-7000-8000-000000000001', role: 'lead' },
          { id: 'y', role: undefined },
        ],
      }).map(([field, reason]) => [field, reason]),
    ).toEqual([
      ['clientRequestId', 'INVALID_FORMAT'],
      ['name', 'REQUIRED'],
      ['members[1].id', 'INVALID_FORMAT'],
      ['members[1].role', 'INVALID_VALUE'],
    ]);
  });

  it('is an INVALID_ARGUMENT ValidationError naming every refused field', () => {
    const input = { ...valid, clientRequestId: '', name: 'x'.repeat(11) };

    const error = refusalOf(() => sut(schema, input));

    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.category).toBe('invalid-argument');
    expect(error?.violations).toEqual([
      { field: 'clientRequestId', reason: 'REQUIRED', description: 'is required' },
      { field: 'name', reason: 'TOO_LONG', description: 'must be at most 10 characters' },
    ]);
    expect(error?.message).toBe('clientRequestId: is required; name: must be at most 10 characters');
  });

  it('names a field missing from the request as required', () => {
    const { name: _name, ...withoutName } = valid;

    expect(refusalOf(() => sut(schema, withoutName as typeof valid))?.violations).toEqual([
      { field: 'name', reason: 'REQUIRED', description: 'is required' },
    ]);
  });

  it("gives a rule written without a refusal a reason from zod's kind of issue", () => {
    const plain = z.object({ count: z.number().max(3, 'at most 3'), tags: z.array(z.string()).max(1) });

    expect(
      refusalOf(() => sut(plain, { count: 4, tags: ['a', 'b'] }))?.violations.map((v) => [v.field, v.reason]),
    ).toEqual([
      ['count', 'OUT_OF_RANGE'],
      ['tags', 'OUT_OF_RANGE'],
    ]);
  });
});

describe('requestField.purpose', () => {
  const sut = (purpose: string | undefined, otherwise?: string) =>
    parseFields(z.object({ 'x-purpose': requestField.purpose(otherwise) }), { 'x-purpose': purpose })[
      'x-purpose'
    ];

  it("reads the stated purpose trimmed, and treatment (or the read's own default) when none is stated", () => {
    expect(sut(' referral ')).toBe('referral');
    expect(sut(undefined)).toBe('treatment');
    expect(sut('  ')).toBe('treatment');
    expect(sut(undefined, 'order')).toBe('order');
  });

  it('refuses a purpose longer than 200 characters, naming the metadata key', () => {
    const error = refusalOf(() => sut('x'.repeat(201)));

    expect(error?.violations).toEqual([
      { field: 'x-purpose', reason: 'TOO_LONG', description: 'must be at most 200 characters' },
    ]);
  });
});

describe(pageFields.name, () => {
  /** A list paged by one numeric key, 20 rows unless asked, at most 100. */
  const RULES: PageRules<number> = {
    max: 100,
    default: 20,
    keyLength: 1,
    cursor: ([n]) => (typeof n === 'number' ? n : null),
  };
  const schema = z.object({ groupId: requestField.uuid(), ...pageFields(RULES) });

  it('passes the page fields pageRequest reads', () => {
    expect(parseFields(schema, { groupId: valid.members[0]!.id, pageSize: 0, pageToken: '' })).toEqual({
      groupId: valid.members[0]!.id,
      pageSize: 0,
      pageToken: '',
    });
  });

  it('refuses each page field as pageRequest does, with the other fields, in the order of the schema', () => {
    const error = refusalOf(() => parseFields(schema, { groupId: 'x', pageSize: 101, pageToken: 'junk' }));

    expect(error?.violations.map((v) => [v.field, v.reason, v.description])).toEqual([
      ['groupId', 'INVALID_FORMAT', 'must be a UUID'],
      ['pageSize', 'OUT_OF_RANGE', 'must be 1 to 100 (0 for 20)'],
      ['pageToken', 'INVALID_FORMAT', 'is not a token of this list'],
    ]);
  });
});

describe(exactlyOneOf.name, () => {
  const schema = z
    .object({ reportId: requestField.optionalUuid(), orderId: requestField.optionalUuid() })
    .superRefine(exactlyOneOf('reportId', 'orderId'));
  const id = valid.members[0]!.id;

  it('passes a request naming one of the two', () => {
    expect(parseFields(schema, { reportId: id, orderId: '' })).toEqual({ reportId: id, orderId: undefined });
    expect(parseFields(schema, { reportId: '', orderId: id })).toEqual({ reportId: undefined, orderId: id });
  });

  it.each([
    ['both', id],
    ['neither', ''],
  ])('refuses a request naming %s on the first field', (_, orderId) => {
    const error = refusalOf(() => parseFields(schema, { reportId: orderId, orderId }));

    expect(error?.violations).toEqual([
      {
        field: 'reportId',
        reason: 'ONE_OF_REQUIRED',
        description: 'name exactly one of reportId and orderId',
      },
    ]);
  });
});

describe(fieldPath.name, () => {
  const sut = fieldPath;

  it.each<[PropertyKey[], string]>([
    [['name'], 'name'],
    [['member', 'role'], 'member.role'],
    [['members', 1, 'practitionerId'], 'members[1].practitionerId'],
    [['tags', 0], 'tags[0]'],
    [[], ''],
  ])('names %j as %s', (path, expected) => {
    expect(sut(path)).toBe(expected);
  });
});
