import { decodePageToken, encodePageToken } from './page-token';

describe(decodePageToken.name, () => {
  const sut = decodePageToken;

  it('round-trips a sort key', () => {
    const token = encodePageToken([2, '2026-11-23T01:00:00.000Z', '0193a1b2-0000-7000-8000-000000000001']);
    expect(sut(token, 3)).toEqual([2, '2026-11-23T01:00:00.000Z', '0193a1b2-0000-7000-8000-000000000001']);
  });

  it.each([
    ['not base64 JSON', 'nonsense!'],
    ['another arity', encodePageToken(['a', 'b'])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['a nested value', Buffer.from('[[1],"a","b"]').toString('base64url')],
    ['an empty token', ''],
  ])('refuses %s', (_what, token) => {
    expect(sut(token, 3)).toBeNull();
  });
});
