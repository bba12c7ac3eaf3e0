import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { LabQualityRecord, type LabQualityKind } from '../../domain/lab-quality';
import { LabQualityTypeormRepository } from './lab-quality.typeorm-repository';

const recorder = { subject: 'operator-1', institutionId: null };
const JAN = new Date('2026-01-01T00:00:00Z');
const JUL = new Date('2026-07-01T00:00:00Z');
const NEXT_JAN = new Date('2027-01-01T00:00:00Z');

describe(LabQualityTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let sut: LabQualityTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_lab_quality', (url) =>
      labSharingDataSource(url, 2),
    );
    sut = new LabQualityTypeormRepository(new UnitOfWork(database.dataSource));
  });

  afterAll(() => database?.close());

  const record = async (institutionId: string, kind: LabQualityKind, validFrom: Date, validUntil: Date) => {
    const made = LabQualityRecord.record(
      { id: uuidv7(), institutionId, kind, reference: 'CNAS MT0123', validFrom, validUntil },
      recorder,
      JAN,
    );
    await sut.insert(made);
    return made;
  };

  it('keeps a record with who recorded it and reads it back as it was', async () => {
    const made = await record(uuidv7(), 'iso15189-accreditation', JAN, NEXT_JAN);

    expect((await sut.findById(made.id))?.snapshot()).toEqual(made.snapshot());
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('answers the quality in force at an instant: start inclusive, end exclusive', async () => {
    const lab = uuidv7();
    await record(lab, 'iso15189-accreditation', JAN, JUL);
    await record(lab, 'external-quality-assessment', JUL, NEXT_JAN);

    expect(await sut.qualityOf(lab, new Date('2025-12-31T23:59:59Z'))).toEqual({
      accredited: false,
      qualityControlPassed: false,
    });
    expect(await sut.qualityOf(lab, JAN)).toEqual({ accredited: true, qualityControlPassed: false });
    expect(await sut.qualityOf(lab, JUL)).toEqual({ accredited: false, qualityControlPassed: true });
    expect(await sut.qualityOf(lab, NEXT_JAN)).toEqual({ accredited: false, qualityControlPassed: false });
  });

  it('answers many institutions at once, those without a record as having shown nothing', async () => {
    const [accredited, imaging, none] = [uuidv7(), uuidv7(), uuidv7()];
    await record(accredited, 'iso15189-accreditation', JAN, NEXT_JAN);
    await record(imaging, 'image-quality-control', JAN, NEXT_JAN);

    const answer = await sut.qualitiesOf([accredited, imaging, none, accredited], JUL);

    expect(Object.fromEntries(answer)).toEqual({
      [accredited]: { accredited: true, qualityControlPassed: false },
      [imaging]: { accredited: false, qualityControlPassed: true },
      [none]: { accredited: false, qualityControlPassed: false },
    });
    expect((await sut.qualitiesOf([], JUL)).size).toBe(0);
  });

  it('answers each institution at its own instant, in the order asked, in one read', async () => {
    const [lab, other] = [uuidv7(), uuidv7()];
    await record(lab, 'iso15189-accreditation', JAN, JUL);
    await record(other, 'image-quality-control', JUL, NEXT_JAN);

    expect(
      await sut.qualitiesAt([
        { institutionId: lab, at: JAN },
        { institutionId: other, at: JAN },
        { institutionId: lab, at: JUL },
        { institutionId: other, at: JUL },
      ]),
    ).toEqual([
      { accredited: true, qualityControlPassed: false },
      { accredited: false, qualityControlPassed: false },
      { accredited: false, qualityControlPassed: false },
      { accredited: false, qualityControlPassed: true },
    ]);
    expect(await sut.qualitiesAt([])).toEqual([]);
  });

  it("lists an institution's records, newest validity first", async () => {
    const lab = uuidv7();
    const older = await record(lab, 'external-quality-assessment', JAN, JUL);
    const newer = await record(lab, 'external-quality-assessment', JUL, NEXT_JAN);
    await record(uuidv7(), 'iso15189-accreditation', JAN, NEXT_JAN);

    expect((await sut.recordsOf(lab)).map((r) => r.id)).toEqual([newer.id, older.id]);
  });
});
