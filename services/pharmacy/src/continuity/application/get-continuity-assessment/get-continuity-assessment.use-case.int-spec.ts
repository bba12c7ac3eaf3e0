import { AuditTrail } from '@medgrid/audit';
import { aResidentId, anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { AssessContinuityCommand } from '../assess-continuity/assess-continuity.command';
import { v7 as uuidv7 } from 'uuid';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { ContinuityErrorCode } from '../../domain/continuity-error';
import { ContinuityFixtures } from '../../test/continuity.fixtures';
import { GetContinuityAssessmentQuery } from './get-continuity-assessment.query';
import { GetContinuityAssessmentUseCase } from './get-continuity-assessment.use-case';

/** GetContinuityAssessment on the stored assessment: who may read it, and the audit of each read. */
describe(GetContinuityAssessmentUseCase.name, () => {
  let database: MigratedTestDatabase;
  let fixtures: ContinuityFixtures;
  let sut: GetContinuityAssessmentUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_get_continuity', (url) =>
      pharmacyDataSource(url, 4),
    );
    fixtures = new ContinuityFixtures(database);
    sut = new GetContinuityAssessmentUseCase(
      fixtures.uow,
      fixtures.assessments,
      new AuditTrail(fixtures.uow),
    );
  });

  afterAll(() => database?.close());

  async function anAssessedReferral() {
    const group = await fixtures.aGroup();
    const resident = aResidentId();
    const referralId = uuidv7();
    const assessment = await fixtures.assess.execute(
      AssessContinuityCommand.create({
        referralId,
        groupId: group.groupId,
        issuingInstitutionId: group.hospitalId,
        receivingInstitutionId: group.clinicId,
        patientResidentId: resident,
        diagnosisCodes: ['I10'],
        medications: ContinuityFixtures.threeDrugs(),
      }),
    );
    return { group, resident, referralId, assessment };
  }

  const query = (referralId: string) =>
    GetContinuityAssessmentQuery.create({ referralId, 'x-purpose': 'continuity-of-care' });

  it('answers the receiving institution, and audits the read on the patient and the referral with its purpose', async () => {
    const { group, resident, referralId } = await anAssessedReferral();
    const clinic = anIdentity({
      role: 'primary-staff',
      institutionId: group.clinicId,
      groupId: group.groupId,
    });

    const assessment = await sut.execute(clinic, query(referralId));

    expect(assessment.medications.map((m) => m.outcome)).toEqual(['continue', 'substitute', 'action-needed']);
    const audit = await database.dataSource.query<
      { subject_kind: string; subject_id: string; purpose: string }[]
    >(
      `SELECT subject_kind, subject_id, purpose FROM audit_log WHERE actor_institution_id = $1 ORDER BY subject_kind`,
      [group.clinicId],
    );
    expect(audit).toEqual([
      { subject_kind: 'referral', subject_id: referralId, purpose: 'continuity-of-care' },
      { subject_kind: 'resident', subject_id: resident, purpose: 'continuity-of-care' },
    ]);
  });

  it("answers the issuing hospital and the group's administrators", async () => {
    const { group, referralId } = await anAssessedReferral();

    for (const identity of [
      anIdentity({ role: 'hospital-staff', institutionId: group.hospitalId, groupId: group.groupId }),
      anIdentity({ role: 'group-admin', institutionId: null, groupId: group.groupId }),
    ]) {
      await expect(sut.execute(identity, query(referralId))).resolves.toMatchObject({ referralId });
    }
  });

  it('tells another institution, and another group, that there is no such assessment, and audits nothing', async () => {
    const { group, referralId } = await anAssessedReferral();
    const other = anIdentity({ role: 'primary-staff', groupId: group.groupId });

    for (const identity of [other, anIdentity({ role: 'group-admin' })]) {
      await expect(sut.execute(identity, query(referralId))).rejects.toMatchObject({
        code: ContinuityErrorCode.NotFound,
      });
    }
    const audit = await database.dataSource.query<unknown[]>(
      `SELECT 1 FROM audit_log WHERE actor_institution_id = $1`,
      [other.institutionId],
    );
    expect(audit).toEqual([]);
  });
});
