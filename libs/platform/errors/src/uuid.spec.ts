import { isUuid } from './uuid';

describe(isUuid.name, () => {
  const sut = isUuid;

  it.each(['01a24381-4eb3-7772-9ed9-b1f6ce9d438d', '3F2504E0-4F89-41D3-9A0C-0305E82C3301'])(
    'accepts %s',
    (value) => {
      expect(sut(value)).toBe(true);
    },
  );

  it.each([
    ['blank', ''],
    ['not hex', 'request-1'],
    ['version 0', '01a24381-4eb3-0772-9ed9-b1f6ce9d438d'],
    ['a variant outside RFC 9562', '01a24381-4eb3-7772-cd9-b1f6ce9d438d'],
    ['braced', '{01a24381-4eb3-7772-9ed9-b1f6ce9d438d}'],
  ])('refuses %s', (_, value) => {
    expect(sut(value)).toBe(false);
  });
});
