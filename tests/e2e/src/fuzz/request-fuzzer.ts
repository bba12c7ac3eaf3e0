import { type DescField, type DescMessage, ScalarType } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import {
  aValidResidentId,
  BAD_DATES,
  BAD_ICD10,
  BAD_IDS,
  EDGE_FLOATS,
  EDGE_INTEGERS,
  hostileText,
  INVALID_UTF8,
  malformedResidentId,
} from './hostile-values';
import { SeededRandom } from './seeded-random';

/**
 * Hostile requests for one RPC, generated from its request message's descriptor: every field of every nested
 * message (to a depth bound) gets values by its kind and by what its name says it holds, written to the wire by hand
 * so a case can carry what no generated client would send (invalid UTF-8 in a string, a field on the wire type of
 * another, an enum number the contract does not define, a varint past its type's range).
 */
export const CASE_KINDS = [
  'empty',
  'garbage',
  'truncated',
  'plausible-one-hostile',
  'plausible-some-hostile',
  'all-hostile',
  'wrong-wire-types',
  'invalid-utf8',
  'huge-repeated',
  'oversize-string',
  'out-of-range-numbers',
  'unknown-fields',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export interface FuzzCase {
  readonly index: number;
  readonly kind: CaseKind;
  readonly bytes: Uint8Array;
}

/**
 * Plausible values for string fields, so a case with one hostile field carries real ids elsewhere and reaches past
 * the first check: the driver answers from the fixtures it registered (a real institution, group and resident).
 */
export type PlausibleString = (field: DescField, random: SeededRandom) => string | undefined;

/** What a string field holds, as its name tells. */
export type StringRole = 'resident-id' | 'icd10' | 'date' | 'id' | 'text';

export function stringRole(fieldName: string): StringRole {
  const name = fieldName.toLowerCase();
  if (/resident_id|id_number|id_card/.test(name)) return 'resident-id';
  if (/icd/.test(name)) return 'icd10';
  if (/(^|_)(date|day|month|on|from|until|to|at|since|before|after)$|_date_|^date/.test(name)) return 'date';
  if (/(^|_)ids?$/.test(name)) return 'id';
  return 'text';
}

const MAX_DEPTH = 3;

interface Mode {
  /** Chance a field is written at all. */
  readonly present: number;
  /** Chance a written field is hostile rather than plausible. */
  readonly hostile: number;
  readonly wrongWire?: boolean;
  readonly invalidUtf8?: boolean;
  readonly hugeRepeated?: boolean;
  readonly oversize?: boolean;
  readonly outOfRange?: boolean;
}

export class RequestFuzzer {
  constructor(
    private readonly seed: number,
    private readonly plausible: PlausibleString = () => undefined,
  ) {}

  /** Case `index` of the method: the same seed, method and index give the same bytes. */
  generate(methodPath: string, input: DescMessage, index: number): FuzzCase {
    const random = SeededRandom.forCase(this.seed, methodPath, index);
    // The first cases of every method are one of each kind, so even a short run covers them all.
    const kind = index < CASE_KINDS.length ? CASE_KINDS[index]! : random.pick(CASE_KINDS);
    return { index, kind, bytes: this.bytesOf(kind, input, random) };
  }

  private bytesOf(kind: CaseKind, input: DescMessage, random: SeededRandom): Uint8Array {
    switch (kind) {
      case 'empty':
        return new Uint8Array(0);
      case 'garbage':
        return random.bytes(random.int(1, 256));
      case 'truncated': {
        const whole = this.message(input, { present: 1, hostile: 0 }, 0, random);
        return whole.length > 1 ? whole.slice(0, random.int(1, whole.length - 1)) : Uint8Array.of(0x0a);
      }
      case 'plausible-one-hostile':
        return this.withOneHostile(input, random);
      case 'plausible-some-hostile':
        return this.message(input, { present: 0.9, hostile: 0.3 }, 0, random);
      case 'all-hostile':
        return this.message(input, { present: 1, hostile: 1 }, 0, random);
      case 'wrong-wire-types':
        return this.message(input, { present: 0.9, hostile: 0.5, wrongWire: true }, 0, random);
      case 'invalid-utf8':
        return this.message(input, { present: 0.9, hostile: 0.6, invalidUtf8: true }, 0, random);
      case 'huge-repeated':
        return this.message(input, { present: 0.9, hostile: 0.3, hugeRepeated: true }, 0, random);
      case 'oversize-string':
        return this.message(input, { present: 0.9, hostile: 0.4, oversize: true }, 0, random);
      case 'out-of-range-numbers':
        return this.message(input, { present: 1, hostile: 0.8, outOfRange: true }, 0, random);
      case 'unknown-fields': {
        const w = new BinaryWriter();
        w.raw(this.message(input, { present: 0.9, hostile: 0 }, 0, random));
        for (let i = random.int(1, 5); i > 0; i--) {
          const number = random.pick([1000, 19000, 536870911, random.int(50, 9999)]);
          w.tag(number, WireType.LengthDelimited).bytes(random.bytes(random.int(0, 64)));
        }
        return w.finish();
      }
    }
  }

  /** A plausible request with exactly one top-level field hostile (the rest as a real caller sends them). */
  private withOneHostile(input: DescMessage, random: SeededRandom): Uint8Array {
    if (input.fields.length === 0) return random.bytes(random.int(1, 16));
    const target = random.pick(input.fields);
    const w = new BinaryWriter();
    for (const field of input.fields) {
      const hostile = field === target;
      this.field(w, field, { present: 1, hostile: hostile ? 1 : 0 }, 0, random, hostile);
    }
    return w.finish();
  }

  private message(desc: DescMessage, mode: Mode, depth: number, random: SeededRandom): Uint8Array {
    const w = new BinaryWriter();
    if (depth > MAX_DEPTH) return w.finish();
    for (const field of desc.fields) {
      if (!random.chance(mode.present)) continue;
      this.field(w, field, mode, depth, random, random.chance(mode.hostile));
    }
    return w.finish();
  }

  private field(
    w: BinaryWriter,
    field: DescField,
    mode: Mode,
    depth: number,
    random: SeededRandom,
    hostile: boolean,
  ): void {
    if (hostile && mode.wrongWire && random.chance(0.7)) {
      this.wrongWire(w, field, random);
      return;
    }
    switch (field.fieldKind) {
      case 'scalar':
        this.scalar(w, field.number, field.scalar, field, mode, random, hostile);
        return;
      case 'enum':
        this.enumValue(
          w,
          field.number,
          field.enum.values.map((v) => v.number),
          mode,
          random,
          hostile,
        );
        return;
      case 'message':
        this.nested(w, field.number, field.message, mode, depth, random, hostile);
        return;
      case 'list': {
        const huge = hostile && mode.hugeRepeated;
        const count = huge ? random.pick([1000, 10_000, 100_000]) : random.int(hostile ? 0 : 1, 3);
        for (let i = 0; i < count; i++) {
          const itemHostile = hostile && (huge ? i < 3 : random.chance(0.5));
          if (field.listKind === 'scalar')
            this.scalar(w, field.number, field.scalar, field, mode, random, itemHostile);
          else if (field.listKind === 'enum')
            this.enumValue(
              w,
              field.number,
              field.enum.values.map((v) => v.number),
              mode,
              random,
              itemHostile,
            );
          else if (huge && i > 0) w.tag(field.number, WireType.LengthDelimited).bytes(new Uint8Array(0));
          else this.nested(w, field.number, field.message, mode, depth, random, itemHostile);
        }
        return;
      }
      case 'map': {
        const count = hostile && mode.hugeRepeated ? 10_000 : random.int(0, 3);
        for (let i = 0; i < count; i++) {
          const entry = new BinaryWriter();
          entry.tag(1, WireType.LengthDelimited).string(hostile ? hostileText(random) : `k${i}`);
          entry.tag(2, WireType.LengthDelimited).string(hostile ? hostileText(random) : `v${i}`);
          w.tag(field.number, WireType.LengthDelimited).bytes(entry.finish());
        }
        return;
      }
    }
  }

  private wrongWire(w: BinaryWriter, field: DescField, random: SeededRandom): void {
    const lengthDelimited =
      (field.fieldKind === 'scalar' &&
        (field.scalar === ScalarType.STRING || field.scalar === ScalarType.BYTES)) ||
      field.fieldKind === 'message' ||
      field.fieldKind === 'map' ||
      (field.fieldKind === 'list' && field.listKind === 'message');
    if (lengthDelimited) {
      if (random.chance(0.5))
        w.tag(field.number, WireType.Varint).uint64(random.pick(EDGE_INTEGERS) & 0xffffffffn);
      else w.tag(field.number, WireType.Bit64).fixed64(7n);
    } else if (random.chance(0.5)) {
      w.tag(field.number, WireType.LengthDelimited).bytes(random.bytes(random.int(0, 40)));
    } else {
      w.tag(field.number, WireType.Bit32).fixed32(random.int(0, 0xffffffff));
    }
  }

  private scalar(
    w: BinaryWriter,
    number: number,
    type: ScalarType,
    field: DescField,
    mode: Mode,
    random: SeededRandom,
    hostile: boolean,
  ): void {
    switch (type) {
      case ScalarType.STRING: {
        if (hostile && mode.invalidUtf8 && random.chance(0.7)) {
          const bad = random.pick(INVALID_UTF8);
          const prefix = new TextEncoder().encode(this.plausibleString(field, random));
          w.tag(number, WireType.LengthDelimited).bytes(concat(prefix, bad));
          return;
        }
        if (hostile && mode.oversize && random.chance(0.5)) {
          w.tag(number, WireType.LengthDelimited).string('名'.repeat(random.int(350_000, 1_000_000)));
          return;
        }
        w.tag(number, WireType.LengthDelimited).string(
          hostile ? this.hostileString(field, random) : this.plausibleString(field, random),
        );
        return;
      }
      case ScalarType.BYTES:
        w.tag(number, WireType.LengthDelimited).bytes(
          random.bytes(hostile ? random.pick([0, 1, 4096, mode.oversize ? 3_000_000 : 1]) : 8),
        );
        return;
      case ScalarType.BOOL:
        w.tag(number, WireType.Varint).uint64(hostile ? random.pick([2n, 255n, 18446744073709551615n]) : 1n);
        return;
      case ScalarType.DOUBLE:
        w.tag(number, WireType.Bit64).double(hostile ? random.pick(EDGE_FLOATS) : random.int(0, 100));
        return;
      case ScalarType.FLOAT:
        w.tag(number, WireType.Bit32).float(hostile ? random.pick(EDGE_FLOATS) : random.int(0, 100));
        return;
      case ScalarType.FIXED32:
      case ScalarType.SFIXED32:
        w.tag(number, WireType.Bit32).fixed32(
          hostile ? Number(BigInt.asUintN(32, random.pick(EDGE_INTEGERS))) : 1,
        );
        return;
      case ScalarType.FIXED64:
      case ScalarType.SFIXED64:
        w.tag(number, WireType.Bit64).fixed64(hostile ? BigInt.asUintN(64, random.pick(EDGE_INTEGERS)) : 1n);
        return;
      case ScalarType.SINT32:
      case ScalarType.SINT64:
        w.tag(number, WireType.Varint).sint64(hostile ? BigInt.asIntN(64, random.pick(EDGE_INTEGERS)) : 1n);
        return;
      default:
        // int32, int64, uint32, uint64: a varint, past the type's range when hostile.
        w.tag(number, WireType.Varint).uint64(
          hostile ? BigInt.asUintN(64, random.pick(EDGE_INTEGERS)) : BigInt(random.int(1, 20)),
        );
    }
  }

  private enumValue(
    w: BinaryWriter,
    number: number,
    values: number[],
    mode: Mode,
    random: SeededRandom,
    hostile: boolean,
  ): void {
    const undefinedNumbers = [-1, 999, 2147483647, -2147483648, Math.max(...values, 0) + 1];
    const value = hostile
      ? random.pick(mode.outOfRange || random.chance(0.7) ? undefinedNumbers : [0])
      : random.pick(values.filter((v) => v !== 0).length > 0 ? values.filter((v) => v !== 0) : values);
    w.tag(number, WireType.Varint).int32(value);
  }

  private nested(
    w: BinaryWriter,
    number: number,
    desc: DescMessage,
    mode: Mode,
    depth: number,
    random: SeededRandom,
    hostile: boolean,
  ): void {
    if (desc.typeName === 'google.protobuf.Timestamp' || desc.typeName === 'google.protobuf.Duration') {
      const t = new BinaryWriter();
      if (hostile) {
        const seconds = random.pick([253402300800n, -62135596801n, 9223372036854775807n, -1n, 0n]);
        t.tag(1, WireType.Varint).int64(seconds);
        t.tag(2, WireType.Varint).int32(random.pick([1_000_000_000, -1, 2147483647]));
      } else {
        t.tag(1, WireType.Varint).int64(1_796_000_000n);
      }
      w.tag(number, WireType.LengthDelimited).bytes(t.finish());
      return;
    }
    if (hostile && random.chance(0.2)) {
      w.tag(number, WireType.LengthDelimited).bytes(random.bytes(random.int(1, 64)));
      return;
    }
    w.tag(number, WireType.LengthDelimited).bytes(
      this.message(desc, hostile ? mode : { ...mode, hostile: 0 }, depth + 1, random),
    );
  }

  private plausibleString(field: DescField, random: SeededRandom): string {
    const known = this.plausible(field, random);
    if (known !== undefined) return known;
    switch (stringRole(field.name)) {
      case 'resident-id':
        return aValidResidentId(random);
      case 'icd10':
        return random.pick(['I10', 'E11.9', 'J18.9']);
      case 'date':
        return random.pick(['2026-12-10', '2027-01-04']);
      case 'id':
        return aUuid(random);
      case 'text':
        return random.pick(['高血压', 'note', 'ok']);
    }
  }

  private hostileString(field: DescField, random: SeededRandom): string {
    // One time in four, text hostile to anything; otherwise hostile to what the field holds.
    if (random.chance(0.25)) return hostileText(random);
    switch (stringRole(field.name)) {
      case 'resident-id':
        return malformedResidentId(random);
      case 'icd10':
        return random.pick(BAD_ICD10);
      case 'date':
        return random.pick(BAD_DATES);
      case 'id':
        return random.pick(BAD_IDS);
      case 'text':
        return hostileText(random);
    }
  }
}

/** A version-4-shaped UUID from the case's stream (a client request id not sent before). */
export function aUuid(random: SeededRandom): string {
  const hex = Array.from(random.bytes(16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
