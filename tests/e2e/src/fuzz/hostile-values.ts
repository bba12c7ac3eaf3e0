import { type SeededRandom } from './seeded-random';

/**
 * The corpora the fuzzer draws a field's hostile value from, by what the field's name says it holds. Each corpus
 * is values a careless partner system or an attacker could send; none is valid for its field.
 */

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** The check character of a resident ID's first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function gb11643Check(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

/** A resident ID with the right check character: the base a malformed one is made from. */
export function aValidResidentId(random: SeededRandom, birth = '19700101'): string {
  const first17 = `440112${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
  return first17 + gb11643Check(first17);
}

const wrongCheck = (id: string) => {
  const right = id[17]!;
  const wrong = GB11643_CHECK.split('').find((c) => c !== right)!;
  return id.slice(0, 17) + wrong;
};

/** Malformed GB 11643 resident IDs, each wrong in one way a form or a scanner gets it wrong. */
export function malformedResidentId(random: SeededRandom): string {
  const valid = aValidResidentId(random);
  const withBirth = (birth: string) => {
    const first17 = `440112${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
    return first17 + gb11643Check(first17);
  };
  const makers: (() => string)[] = [
    () => wrongCheck(valid),
    () => valid.slice(0, 17),
    () => `${valid}0`,
    () => valid.slice(0, 15),
    () => `${valid.slice(0, 17)}x`,
    () => withBirth('19990230'),
    () => withBirth('20991231'),
    () => withBirth('18000101'),
    () => withBirth('00000000'),
    () => withBirth('19701301'),
    () => `${valid.slice(0, 6)}ABCDEFGH${valid.slice(14)}`,
    () => `000000${valid.slice(6, 17)}${gb11643Check(`000000${valid.slice(6, 17)}`)}`,
    () => valid.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    () => ` ${valid} `,
    () => `${valid.slice(0, 9)} ${valid.slice(9)}`,
    () => `${valid.slice(0, 17)}\u0000`,
    () => `-${valid.slice(1)}`,
    () => '1'.repeat(18),
    () => 'X'.repeat(18),
    () => valid.repeat(1000),
  ];
  return random.pick(makers)();
}

/** ICD-10 codes no classification has: lowercase, wrong shapes, a dot out of place, letters that start none. */
export const BAD_ICD10 = [
  'i10',
  'I',
  '10',
  'I1',
  'I10.',
  'I.10',
  'I10..1',
  'I10.12345',
  'U99.999',
  'II10',
  '1I0',
  'I１０',
  'I10 ',
  ' I10',
  'I10;DROP TABLE referral',
  'Ｉ10',
  'E11.9\u0000',
  '*',
  '%',
  "I10'",
  'Z'.repeat(300),
];

/** Dates no calendar or policy allows, and strings that are not dates. */
export const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-12-32',
  '0000-01-01',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '1900-01-01',
  '2026/12/10',
  '20261210',
  '10-12-2026',
  '2026-1-1',
  '2026-12-10T25:61:61Z',
  '2026-12-10T00:00:00+99:00',
  'yesterday',
  '2026-12-10\u0000',
  '２０２６-１２-１０',
  'NaN',
  '1e9',
];

/** Strings that are not UUIDs, or UUIDs of no row. */
export const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0193a000-0000-7000-8000-00000000c0011',
  '0193a000-0000-7000-8000-00000000c00',
  '0193a000000070008000000000000c001',
  '{0193a000-0000-7000-8000-00000000c001}',
  '0193A000-0000-7000-8000-00000000C001',
  '0193a000-0000-7000-8000-00000000c00g',
  '0193a000-0000-7000-8000-00000000c001\n',
  ' 0193a000-0000-7000-8000-00000000c001',
  "' OR '1'='1",
  '../../etc/passwd',
  '-1',
  '0',
  '%00',
];

/** Text that breaks naive handling: control characters, NUL, bidi overrides, lone surrogates, markup, injections. */
export function hostileText(random: SeededRandom): string {
  const makers: (() => string)[] = [
    () => '',
    () => ' ',
    () => '\u0000',
    () => `a\u0000b`,
    () => '\u0001\u0002\u0003\u0007\u0008\u001b[31m',
    () => '\r\n\t\u000b\u000c',
    () => '\u202e\u2066evil\u2069',
    () => '\ufeff\u200b\u200d',
    () => '\ud800',
    () => '\udfff\ud800',
    () => '😀'.repeat(random.int(1, 200)),
    () => '<script>alert(1)</script>',
    () => "'; DROP TABLE outbox; --",
    () => '${jndi:ldap://x}',
    () => '%s%n%x',
    () => '\\u0000',
    () => '中'.repeat(random.int(256, 5000)),
    () => 'a'.repeat(random.int(1000, 70_000)),
    () => String(Number.MAX_SAFE_INTEGER),
    () => '-0',
  ];
  return random.pick(makers)();
}

/** Byte sequences that are not UTF-8: a string field the wire carries them in must be refused or replaced. */
export const INVALID_UTF8: readonly Uint8Array[] = [
  Uint8Array.of(0xff),
  Uint8Array.of(0xc3, 0x28),
  Uint8Array.of(0xe2, 0x82),
  Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0xf8, 0x88, 0x80, 0x80, 0x80),
  Uint8Array.of(0xc0, 0x80),
  Uint8Array.of(0x61, 0x00, 0xfe, 0x62),
];

/** Integers at and past the edges of every protobuf integer type. */
export const EDGE_INTEGERS: readonly bigint[] = [
  0n,
  -1n,
  1n,
  127n,
  128n,
  2147483647n,
  -2147483648n,
  2147483648n,
  4294967295n,
  9007199254740993n,
  9223372036854775807n,
  -9223372036854775808n,
  18446744073709551615n,
];

export const EDGE_FLOATS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 3.4028235e38];
