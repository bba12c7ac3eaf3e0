import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { ResultRecord } from '../../domain/result-record';
import { ResultsErrorCode } from '../../domain/results-error';
import { aResultSnapshot } from '../../test/result-record.factory';
import { ReferralPassTypeormRepository } from './referral-pass.typeorm-repository';
import { ResultRecordTypeormRepository } from './result-record.typeorm-repository';

const day = (n: number) => new Date(Date.UTC(2026, 11, n));

describe(ResultRecordTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ResultRecordTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_result_record', (url) =>
      labSharingDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new ResultRecordTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const stored = async (overrides: Parameters<typeof aResultSnapshot>[0] = {}) => {
    const record = ResultRecord.restore(aResultSnapshot(overrides));
    await sut.insert(record);
    return record.snapshot();
  };

  it('stores a result and reads it back whole, by id and by its report', async () => {
    const result = await stored({
      itemKind: 'imaging',
      itemCode: 'CT-CHEST',
      study: { studyInstanceUid: '1.2.3', accessionNumber: 'A1', modalities: ['CT'] },
    });

    expect((await sut.find(result.id, false))?.snapshot()).toEqual(result);
    expect((await sut.findByReport(result.reportId!, false))?.snapshot()).toEqual(result);
    expect(await sut.find(uuidv7(), false)).toBeNull();
  });

  it("offers a patient's results of an item performed since the instant, newest first, never one entered in error", async () => {
    const patient = '11010519491231002X';
    const item = `LAB-${uuidv7().slice(-8).toUpperCase()}`;
    const older = await stored({ patientResidentId: patient, itemCode: item, performedAt: day(2) });
    const newer = await stored({ patientResidentId: patient, itemCode: item, performedAt: day(4) });
    await stored({
      patientResidentId: patient,
      itemCode: item,
      performedAt: day(5),
      status: 'entered-in-error',
    });
    await stored({ patientResidentId: patient, itemCode: item, performedAt: day(1) });
    await stored({ patientResidentId: '110105194912310037', itemCode: item, performedAt: day(4) });

    const candidates = await sut.candidatesFor(patient, item, day(2), 20);

    expect(candidates).toEqual([
      {
        resultId: newer.id,
        itemCode: item,
        performedAt: day(4),
        performingInstitutionId: newer.performer.institutionId,
        performingGroupId: newer.performer.groupId,
        performingRegionId: newer.performer.regionId,
        quality: newer.performer.quality,
        enteredInError: false,
      },
    ]);
    expect((await sut.candidatesFor(patient, item, day(1), 20)).map((c) => c.resultId)).toEqual([
      newer.id,
      older.id,
    ]);
    expect(await sut.candidatesFor(patient, item, day(1), 1)).toHaveLength(1);
  });

  it('answers "already done?" from its covering index alone, without reading the table', async () => {
    await database.dataSource.query('SET enable_seqscan = off');
    const plan = await database.dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT id, performed_at, performer_institution_id, performer_group_id, performer_region_id,
              performer_accredited, performer_quality_control_passed
         FROM result_record
        WHERE patient_resident_id = '11010519491231002X' AND item_code = 'LAB-GLU'
          AND status <> 'entered-in-error' AND performed_at > now() - interval '7 days'
        ORDER BY performed_at DESC LIMIT 20`,
    );
    await database.dataSource.query('RESET enable_seqscan');
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
      /Index Only Scan using result_record_recognition_idx/,
    );
  });

  it("pages a patient's results of the readable groups newest first, by item and period", async () => {
    const patient = '110105194912310037';
    const group = uuidv7();
    const other = uuidv7();
    const a = await stored({ patientResidentId: patient, groupId: group, performedAt: day(10) });
    const b = await stored({
      patientResidentId: patient,
      groupId: group,
      performedAt: day(12),
      itemCode: 'LAB-K',
    });
    const c = await stored({ patientResidentId: patient, groupId: group, performedAt: day(12) });
    await stored({ patientResidentId: patient, groupId: other, performedAt: day(11) });
    const filter = { patientResidentId: patient, groupIds: [group], itemCode: null, from: null, to: null };

    const first = await sut.listForPatient(filter, null, 2);
    const [newest, second] = [b, c].sort((x, y) => y.id.localeCompare(x.id));
    expect(first.map((r) => r.id)).toEqual([newest!.id, second!.id]);
    const rest = await sut.listForPatient(filter, { performedAt: second!.performedAt, id: second!.id }, 2);
    expect(rest.map((r) => r.id)).toEqual([a.id]);
    expect((await sut.listForPatient({ ...filter, itemCode: 'LAB-K' }, null, 10)).map((r) => r.id)).toEqual([
      b.id,
    ]);
    expect((await sut.listForPatient({ ...filter, from: day(11), to: day(13) }, null, 10)).length).toBe(2);
    expect(await sut.listForPatient({ ...filter, groupIds: [] }, null, 10)).toEqual([]);
  });

  it('stores a change from the version read, and refuses a stale one', async () => {
    const result = await stored();
    await uow.run(async () => {
      const record = (await sut.find(result.id, true))!;
      record.enteredInError('标本错误');
      await sut.update(record, 1);
    });
    expect((await sut.find(result.id, false))?.snapshot()).toMatchObject({
      status: 'entered-in-error',
      enteredInErrorReason: '标本错误',
      version: 2,
    });
    const stale = ResultRecord.restore(result);
    stale.enteredInError('again');
    await expect(uow.run(() => sut.update(stale, 1))).rejects.toMatchObject({
      code: ResultsErrorCode.StaleReportVersion,
    });
  });
});

describe(ReferralPassTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let sut: ReferralPassTypeormRepository;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_referral_pass', (url) =>
      labSharingDataSource(url, 2),
    );
    sut = new ReferralPassTypeormRepository(new UnitOfWork(database.dataSource));
  });

  afterAll(() => database?.close());

  it('lets a receiving institution read the referring group while the referral is open, newer versions winning', async () => {
    const pass = {
      referralId: uuidv7(),
      groupId: uuidv7(),
      patientResidentId: '11010519491231002X',
      referringInstitutionId: uuidv7(),
      receivingInstitutionId: uuidv7(),
      open: true,
      version: 2,
    };
    await sut.keep(pass);
    expect(await sut.groupsSendingTo(pass.receivingInstitutionId, pass.patientResidentId)).toEqual([
      pass.groupId,
    ]);
    expect(await sut.groupsSendingTo(pass.referringInstitutionId, pass.patientResidentId)).toEqual([]);

    await sut.keep({ ...pass, open: false, version: 1 });
    expect(await sut.groupsSendingTo(pass.receivingInstitutionId, pass.patientResidentId)).toEqual([
      pass.groupId,
    ]);
    await sut.keep({ ...pass, open: false, version: 3 });
    expect(await sut.groupsSendingTo(pass.receivingInstitutionId, pass.patientResidentId)).toEqual([]);
  });
});
