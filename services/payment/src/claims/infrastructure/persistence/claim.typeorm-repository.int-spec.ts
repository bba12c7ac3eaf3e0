import { UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { paymentDataSource } from '../../../database/payment-data-source';
import { ResidentCoverage } from '../../../enrolment/domain/resident-coverage';
import { aResidentId, now } from '../../../enrolment/test/enrolment.factory';
import { ReimbursementTable } from '../../../rules/domain/reimbursement-table';
import { starterReimbursementRules } from '../../../rules/domain/starter/starter-reimbursement-rules';
import { adjudicate, NOTHING_YET } from '../../domain/adjudication';
import { ClaimRecord } from '../../domain/claim-record';
import { type ClaimSubmission } from '../../domain/claim-submission';
import { aClaim, HOSPITAL_ID } from '../../test/claim.factory';
import { ClaimTypeormRepository } from './claim.typeorm-repository';

const placement = { groupId: uuidv7(), regionId: uuidv7() };

describe(ClaimTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: ClaimTypeormRepository;
  const table = ReimbursementTable.empty(placement.regionId);
  table.load(starterReimbursementRules('2026-01-01'), 0, now);

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_claims', (url) => paymentDataSource(url, 4));
    uow = new UnitOfWork(database.dataSource);
    sut = new ClaimTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  function coverageOf(residentId: string): ResidentCoverage {
    const coverage = ResidentCoverage.of(residentId, now);
    coverage.enrol({ scheme: 'urban-employee', from: '2025-01-01', until: null });
    return coverage;
  }

  const receive = (submission: ClaimSubmission) =>
    uow.run(async () => {
      const record = ClaimRecord.receive(uuidv7(), submission, now, false);
      const adjudication = adjudicate(
        record.id,
        record.current,
        coverageOf(submission.residentId),
        table,
        NOTHING_YET,
      );
      await sut.save(record, placement, adjudication);
      return { record, adjudication };
    });

  it('stores a claim with its adjudication and reads it back by id and by number', async () => {
    const submission = aClaim({ claimNumber: `OP-${uuidv7()}`, residentId: aResidentId(201) });
    const { record, adjudication } = await receive(submission);

    const stored = await sut.find(record.id);
    expect(stored?.record.snapshot()).toEqual(record.snapshot());
    expect(stored?.placement).toEqual(placement);
    expect(stored?.adjudications).toEqual([adjudication]);
    expect((await sut.findByNumber(HOSPITAL_ID, submission.claimNumber))?.record.id).toBe(record.id);
    expect(await sut.findByNumber(HOSPITAL_ID, 'OP-NONE')).toBeNull();
  });

  it('adds a correction as a new version, keeping the old one, and sums the resident’s year by the versions in force', async () => {
    const residentId = aResidentId(202);
    const { record } = await receive(aClaim({ claimNumber: `OP-${uuidv7()}`, residentId }));
    const other = await receive(aClaim({ claimNumber: `OP-${uuidv7()}`, residentId }));
    const corrected = aClaim({
      ...record.current.submission,
      lines: record.current.submission.lines.slice(1),
    });
    const correction = await uow.run(async () => {
      const stored = (await sut.find(record.id))!;
      stored.record.correct(corrected, 'consultation billed twice', 1, now, false);
      const adjudication = adjudicate(
        record.id,
        stored.record.current,
        coverageOf(residentId),
        table,
        NOTHING_YET,
      );
      await sut.save(stored.record, placement, adjudication);
      return adjudication;
    });

    const stored = await sut.find(record.id);
    expect(stored?.record.snapshot().versions.map((v) => [v.version, v.correctionReason])).toEqual([
      [1, null],
      [2, 'consultation billed twice'],
    ]);
    expect(stored?.adjudications[1]).toEqual(correction);
    const year = await sut.yearToDate(residentId, 'urban-employee', 'outpatient', '2026', null);
    expect(year).toEqual({
      deductiblePaid: correction.deductible + other.adjudication.deductible,
      fundPaid: correction.fund + other.adjudication.fund,
    });
    expect(await sut.yearToDate(residentId, 'urban-employee', 'outpatient', '2026', record.id)).toEqual({
      deductiblePaid: other.adjudication.deductible,
      fundPaid: other.adjudication.fund,
    });
    expect(await sut.yearToDate(residentId, 'urban-employee', 'inpatient', '2026', null)).toEqual({
      deductiblePaid: 0,
      fundPaid: 0,
    });
  });

  it('refuses a second claim of one institution and number', async () => {
    const submission = aClaim({ claimNumber: `OP-${uuidv7()}`, residentId: aResidentId(203) });
    await receive(submission);

    await expect(receive(submission)).rejects.toThrow(/claim_institution_number_key/);
  });

  it('never lets a version be rewritten', async () => {
    await expect(database.dataSource.query(`UPDATE claim_version SET fund = fund`)).rejects.toThrow(
      /never updated or deleted/,
    );
  });
});
