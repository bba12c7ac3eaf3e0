import { fromBinary } from '@bufbuild/protobuf';
import { createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { DESCRIPTOR_SET_PATH } from '@medgrid/contracts';
import { readFileSync } from 'node:fs';
import { gb11643Check, malformedResidentId } from './hostile-values';
import { CASE_KINDS, RequestFuzzer, stringRole } from './request-fuzzer';
import { SeededRandom } from './seeded-random';

const contracts = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET_PATH)));
const createReferral = contracts.getMessage('medgrid.referral.v1.CreateReferralRequest') as DescMessage;
const PATH = '/medgrid.referral.v1.ReferralService/CreateReferral';

describe(RequestFuzzer.name, () => {
  const sut = new RequestFuzzer(20261206);

  it('gives the same bytes for the same seed, method and case, and other bytes for another seed', () => {
    for (const index of [0, 5, 17, 400]) {
      const again = new RequestFuzzer(20261206).generate(PATH, createReferral, index);
      const first = sut.generate(PATH, createReferral, index);
      expect(again.kind).toBe(first.kind);
      expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    }
    const other = new RequestFuzzer(7);
    const differing = [20, 21, 22, 23].filter(
      (i) =>
        Buffer.compare(
          Buffer.from(sut.generate(PATH, createReferral, i).bytes),
          Buffer.from(other.generate(PATH, createReferral, i).bytes),
        ) !== 0,
    );
    expect(differing.length).toBeGreaterThan(0);
  });

  it('makes one case of every kind first, starting with the empty request', () => {
    const kinds = CASE_KINDS.map((_, i) => sut.generate(PATH, createReferral, i).kind);
    expect(kinds).toEqual([...CASE_KINDS]);
    expect(sut.generate(PATH, createReferral, 0).bytes).toHaveLength(0);
  });

  it('puts bytes that are not UTF-8 on the wire for an invalid-utf8 case', () => {
    const invalid = CASE_KINDS.indexOf('invalid-utf8');
    const bytes = Buffer.from(sut.generate(PATH, createReferral, invalid).bytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });
});

describe(stringRole.name, () => {
  it('reads what a field holds from its name', () => {
    expect(stringRole('patient_resident_id')).toBe('resident-id');
    expect(stringRole('resident_id_number')).toBe('resident-id');
    expect(stringRole('icd10_code')).toBe('icd10');
    expect(stringRole('effective_from')).toBe('date');
    expect(stringRole('service_date')).toBe('date');
    expect(stringRole('receiving_institution_id')).toBe('id');
    expect(stringRole('reason')).toBe('text');
  });
});

describe(malformedResidentId.name, () => {
  it('never makes an 18-character ID of digits with the right check character and a real past birth date', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 500; i++) {
      const id = malformedResidentId(random);
      const shaped = /^\d{17}[\dX]$/.test(id);
      if (!shaped) continue;
      const birth = id.slice(6, 14);
      const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
      const realPastDate =
        !Number.isNaN(date.getTime()) &&
        date.toISOString().slice(0, 10).replace(/-/g, '') === birth &&
        date.getUTCFullYear() >= 1900 &&
        date.getTime() < Date.now();
      const regionKnown = id.slice(0, 6) !== '000000';
      expect(realPastDate && regionKnown && gb11643Check(id.slice(0, 17)) === id[17]).toBe(false);
    }
  });
});
