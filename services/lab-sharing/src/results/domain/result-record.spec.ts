import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre, aReporterOf } from '../../centres/test/shared-centre.factory';
import { type CatalogueItem } from '../../recognition/domain/catalogue-item';
import { aPerformedOrder } from '../../orders/test/order.factory';
import { aLabItem, anImagingItem } from '../../recognition/test/catalogue-item.factory';
import { Report, type ReportContent } from '../../reporting/domain/report';
import { TurnaroundTargets } from '../../reporting/domain/turnaround-targets';
import { aContent } from '../../reporting/test/report-content.factory';
import { type PartnerResult, type Performer, ResultRecord } from './result-record';
import { ResultsError, ResultsErrorCode } from './results-error';

const now = new Date('2026-12-04T02:00:00Z');

function signedReport(item: CatalogueItem = aLabItem(), content: ReportContent = aContent()) {
  const kind = item.kind === 'imaging' ? 'imaging' : 'laboratory';
  const fixture = aCentre(kind);
  const order = aPerformedOrder(fixture, item);
  const report = Report.open(
    { id: uuidv7(), itemDataClass: item.dataClass },
    order.snapshot(),
    TurnaroundTargets.defaults(),
    now,
  );
  const reporter = fixture.centre.reporterFor(aReporterOf(fixture), kind);
  report.claim(reporter, now, 60_000);
  report.saveDraft(reporter, content, now);
  report.sign(reporter, now);
  return { fixture, order, report, reporter };
}

const performer = (institutionId: string): Performer => ({
  institutionId,
  groupId: uuidv7(),
  regionId: uuidv7(),
  quality: { accredited: true, qualityControlPassed: true },
});

function refusal(act: () => unknown): string {
  return thrownBy(ResultsError, act).code;
}

describe(ResultRecord.name, () => {
  it('records a signed report: its observations, performer, times and the version in force', () => {
    const { fixture, order, report } = signedReport();

    const sut = ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId));

    expect(sut.snapshot()).toMatchObject({
      patientResidentId: order.snapshot().patientResidentId,
      itemCode: 'LAB-GLU',
      reportId: report.id,
      reportVersion: 1,
      performedAt: order.snapshot().performedAt,
      reportedAt: now,
      observations: aContent().observations,
      conclusion: aContent().conclusion,
      study: null,
      dataClass: 'general',
      status: 'final',
    });
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['recorded']);
  });

  it('keeps an imaging study by reference', () => {
    const { fixture, order, report } = signedReport(anImagingItem(), aContent({ observations: [] }));

    expect(
      ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId)).snapshot()
        .study,
    ).toEqual({
      studyInstanceUid: '1.2.156.1.2',
      accessionNumber: 'A1',
      modalities: ['CT'],
    });
  });

  it('refuses a report not signed, and an order that is not the report’s', () => {
    const fixture = aCentre('laboratory');
    const order = aPerformedOrder(fixture, aLabItem());
    const open = Report.open(
      { id: uuidv7(), itemDataClass: 'general' },
      order.snapshot(),
      TurnaroundTargets.defaults(),
      now,
    );
    const { report } = signedReport();

    expect(
      refusal(() => ResultRecord.fromReport(uuidv7(), open, order.snapshot(), performer(fixture.clinicId))),
    ).toBe(ResultsErrorCode.NotSigned);
    expect(
      refusal(() => ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId))),
    ).toBe(ResultsErrorCode.ReportOfAnotherResult);
  });

  it('follows the report’s amendment, raising the data class with it, and ignores an older version', () => {
    const { fixture, order, report, reporter } = signedReport();
    const sut = ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId));
    const first = Report.restore(report.snapshot());
    report.amend(reporter, aContent({ conclusion: '更正', dataClass: 'psychiatric' }), '更正', now);

    sut.followAmendment(report);
    sut.followAmendment(first);

    expect(sut.snapshot()).toMatchObject({
      status: 'amended',
      reportVersion: 2,
      conclusion: '更正',
      dataClass: 'psychiatric',
    });
  });

  it('takes the item’s data class for a sensitive item', () => {
    const { fixture, order, report } = signedReport(
      aLabItem({ code: 'LAB-HIV', loinc: '56888-1', dataClass: 'infectious-disease' }),
    );

    expect(
      ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId)).snapshot()
        .dataClass,
    ).toBe('infectious-disease');
  });

  it('is withdrawn with a reason once, and then offered for reuse as entered in error', () => {
    const { fixture, order, report } = signedReport();
    const sut = ResultRecord.fromReport(uuidv7(), report, order.snapshot(), performer(fixture.clinicId));

    expect(refusal(() => sut.enteredInError(' '))).toBe(ResultsErrorCode.ReasonRequired);
    sut.enteredInError(' 标本错误 ');
    expect(sut.snapshot()).toMatchObject({ status: 'entered-in-error', enteredInErrorReason: '标本错误' });

    expect(sut.asCandidate()).toMatchObject({
      enteredInError: true,
      performingInstitutionId: fixture.clinicId,
    });
    expect(refusal(() => sut.enteredInError('again'))).toBe(ResultsErrorCode.AlreadyEnteredInError);
    expect(refusal(() => sut.followAmendment(report))).toBe(ResultsErrorCode.AlreadyEnteredInError);
  });

  it('records a partner’s result without order or report, as final, with the item’s data class', () => {
    const institutionId = uuidv7();
    const sut = ResultRecord.fromPartner(uuidv7(), aPartnerResult(), performer(institutionId));
    expect(sut.snapshot()).toMatchObject({
      orderId: null,
      reportId: null,
      reportVersion: 1,
      itemCode: 'LAB-GLU',
      dataClass: 'general',
      status: 'final',
      enteredInErrorReason: null,
    });
    expect(sut.asCandidate().performingInstitutionId).toBe(institutionId);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['recorded']);
  });

  it('refuses a partner’s result reported before it was performed', () => {
    expect(
      refusal(() =>
        ResultRecord.fromPartner(
          uuidv7(),
          aPartnerResult({ reportedAt: new Date('2026-12-01T00:00:00Z') }),
          performer(uuidv7()),
        ),
      ),
    ).toBe(ResultsErrorCode.ReportedBeforePerformed);
  });
});

function aPartnerResult(overrides: Partial<PartnerResult> = {}): PartnerResult {
  return {
    groupId: uuidv7(),
    patientResidentId: '11010519491231002X',
    itemCode: 'LAB-GLU',
    itemKind: 'laboratory',
    itemDataClass: 'general',
    performedAt: new Date('2026-12-02T00:00:00Z'),
    reportedAt: new Date('2026-12-02T03:00:00Z'),
    observations: aContent().observations,
    conclusion: '正常',
    study: null,
    ...overrides,
  };
}
