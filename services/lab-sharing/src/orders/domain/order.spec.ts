import { AppError } from '@medgrid/errors';
import { aResidentId, thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre, type CentreFixture } from '../../centres/test/shared-centre.factory';
import { CentreError, CentreErrorCode } from '../../centres/domain/centre-error';
import { type CatalogueItem } from '../../recognition/domain/catalogue-item';
import { type RecognitionLookupSnapshot } from '../../recognition/domain/recognition-lookup';
import { aLabItem, anImagingItem } from '../../recognition/test/catalogue-item.factory';
import { type ImagingStudyReference } from './exam-data';
import { type NewOrder, Order } from './order';
import { OrderError, OrderErrorCode } from './order-error';

const MINUTE = 60_000;
const now = new Date('2026-12-04T02:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

const ecgItem: CatalogueItem = anImagingItem({
  code: 'ECG-12-LEAD',
  kind: 'ecg',
  modality: 'ECG',
  bodyPart: null,
});
const consultItem: CatalogueItem = aLabItem({
  code: 'RC-CONSULT',
  kind: 'remote-consultation',
  specimen: null,
  loinc: null,
  recognition: null,
});

function aNewOrder(fixture: CentreFixture, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    id: uuidv7(),
    orderingInstitutionId: fixture.clinicId,
    orderingPractitionerId: uuidv7(),
    patientResidentId: aResidentId(),
    clinicalInfo: '咳嗽两周，发热',
    urgency: 'routine',
    referralId: null,
    ...overrides,
  };
}

function place(
  fixture: CentreFixture = aCentre('imaging'),
  item: CatalogueItem = anImagingItem(),
  overrides: Partial<NewOrder> = {},
  lookup: RecognitionLookupSnapshot | null = null,
): Order {
  return Order.place(aNewOrder(fixture, overrides), item, fixture.centre, lookup, now);
}

const aStudy = (overrides: Partial<ImagingStudyReference> = {}): ImagingStudyReference => ({
  studyInstanceUid: '1.2.156.112605.14.1.20261204.1',
  accessionNumber: 'CT2026120400017',
  modalities: ['CT'],
  performedAt: later(20),
  ...overrides,
});

/** An OrderError, or the CentreError of the centre the order is placed at. */
function refusal(act: () => unknown): { code: string; fields: string[]; category: string } {
  const error = thrownBy(AppError, act);
  if (!(error instanceof OrderError) && !(error instanceof CentreError)) throw error;
  return { code: error.code, fields: error.violations.map((v) => v.field), category: error.category };
}

function aLookupSnapshot(
  order: NewOrder,
  overrides: Partial<RecognitionLookupSnapshot> = {},
): RecognitionLookupSnapshot {
  return {
    id: uuidv7(),
    groupId: uuidv7(),
    patientResidentId: order.patientResidentId,
    itemCode: 'CT-CHEST',
    orderingInstitutionId: order.orderingInstitutionId,
    lookedUpAt: now,
    offered: [],
    outcome: 'nothing-offered',
    reusedResultId: null,
    reason: null,
    decidedBy: null,
    decidedAt: null,
    version: 1,
    ...overrides,
  };
}

describe(Order.name, () => {
  describe('placing', () => {
    it('places an order at a served site for an item of the centre kind, keeping what the item needs', () => {
      const fixture = aCentre('imaging');
      const input = aNewOrder(fixture, { urgency: 'urgent', referralId: uuidv7(), clinicalInfo: '  胸痛  ' });

      const sut = Order.place(input, anImagingItem(), fixture.centre, null, now);

      expect(sut.snapshot()).toMatchObject({
        groupId: fixture.groupId,
        centreId: fixture.centre.id,
        patientResidentId: input.patientResidentId,
        item: { code: 'CT-CHEST', kind: 'imaging', modality: 'CT', specimen: null, dataClass: 'general' },
        clinicalInfo: '胸痛',
        urgency: 'urgent',
        referralId: input.referralId,
        status: 'placed',
        placedAt: now,
        version: 1,
      });
      expect(sut.pullEvents().map((e) => e.change)).toEqual(['placed']);
    });

    it('normalises the resident ID (blanks, a lower-case x)', () => {
      const fixture = aCentre('imaging');

      const sut = place(fixture, anImagingItem(), { patientResidentId: ' 11010519491231002x ' });

      expect(sut.snapshot().patientResidentId).toBe('11010519491231002X');
    });

    it.each([
      ['11010519491231002', 'patientResidentId', OrderErrorCode.InvalidResidentId],
      ['110105194912310021', 'patientResidentId', OrderErrorCode.InvalidResidentId],
    ])('refuses the resident ID %s (GB 11643)', (patientResidentId, field, code) => {
      expect(refusal(() => place(aCentre(), anImagingItem(), { patientResidentId }))).toMatchObject({
        code,
        fields: [field],
        category: 'invalid-argument',
      });
    });

    it.each(['', '  ', 'x'.repeat(2001)])('refuses the clinical information %j', (clinicalInfo) => {
      expect(refusal(() => place(aCentre(), anImagingItem(), { clinicalInfo }))).toMatchObject({
        code: OrderErrorCode.InvalidClinicalInfo,
        fields: ['clinicalInfo'],
      });
    });

    it('refuses an item the centre does not report, and a site it does not serve', () => {
      const fixture = aCentre('imaging');

      expect(refusal(() => place(fixture, aLabItem())).code).toBe(CentreErrorCode.KindNotReported);
      expect(refusal(() => place(fixture, anImagingItem(), { orderingInstitutionId: uuidv7() })).code).toBe(
        CentreErrorCode.NotServed,
      );
    });

    it('sends a remote consultation to the centre worklist at once: its material is the clinical information', () => {
      const sut = place(aCentre('remote-consultation'), consultItem);

      expect(sut.snapshot()).toMatchObject({
        status: 'performed',
        exam: { kind: 'consultation' },
        performedAt: now,
      });
      expect(sut.pullEvents().map((e) => e.change)).toEqual(['placed', 'performed']);
    });
  });

  describe('after an "already done?" look-up', () => {
    const fixture = aCentre('imaging');

    it.each(['nothing-offered', 'ordered-anyway'] as const)(
      'goes ahead when the look-up is %s',
      (outcome) => {
        const input = aNewOrder(fixture);
        const lookup = aLookupSnapshot(input, { outcome });

        const sut = Order.place(input, anImagingItem(), fixture.centre, lookup, now);

        expect(sut.snapshot().lookupId).toBe(lookup.id);
      },
    );

    it.each([
      ['pending', 'a recognised result was offered'],
      ['reused', 'reused'],
    ] as const)('refuses to order while the look-up is %s', (outcome, message) => {
      const input = aNewOrder(fixture);

      const error = refusal(() =>
        Order.place(input, anImagingItem(), fixture.centre, aLookupSnapshot(input, { outcome }), now),
      );

      expect(error).toMatchObject({ code: OrderErrorCode.RepeatNeedsDecision, fields: ['lookupId'] });
      expect(() =>
        Order.place(input, anImagingItem(), fixture.centre, aLookupSnapshot(input, { outcome }), now),
      ).toThrow(message);
    });

    it.each([
      ['patient', { patientResidentId: aResidentId() }],
      ['item', { itemCode: 'CT-HEAD' }],
      ['institution', { orderingInstitutionId: uuidv7() }],
    ])('refuses a look-up of another %s', (_, overrides) => {
      const input = aNewOrder(fixture);

      expect(
        refusal(() =>
          Order.place(input, anImagingItem(), fixture.centre, aLookupSnapshot(input, overrides), now),
        ),
      ).toMatchObject({ code: OrderErrorCode.LookupDoesNotFit, fields: ['lookupId'] });
    });
  });

  describe('exam data', () => {
    it('takes the imaging study the site performed: the order goes to the centre worklist', () => {
      const fixture = aCentre('imaging');
      const sut = place(fixture);
      sut.pullEvents();

      sut.attachImagingStudy(aStudy({ modalities: ['CT', 'DX'] }), fixture.clinicId, later(30));

      expect(sut.snapshot()).toMatchObject({
        status: 'performed',
        performedAt: later(20),
        exam: {
          kind: 'imaging-study',
          study: { modalities: ['CT', 'DX'], accessionNumber: 'CT2026120400017' },
        },
        version: 2,
      });
      expect(sut.pullEvents().map((e) => e.change)).toEqual(['performed']);
    });

    it('refuses a malformed study, naming every bad field, and changes nothing', () => {
      const fixture = aCentre('imaging');
      const sut = place(fixture);

      const error = refusal(() =>
        sut.attachImagingStudy(
          aStudy({
            studyInstanceUid: '1.2.840.0010008',
            accessionNumber: 'A'.repeat(17),
            modalities: ['CT', 'CT', 'ECG'],
            performedAt: later(-1),
          }),
          fixture.clinicId,
          later(30),
        ),
      );

      expect(error).toEqual({
        code: OrderErrorCode.InvalidData,
        category: 'invalid-argument',
        fields: [
          'study.studyInstanceUid',
          'study.accessionNumber',
          'study.modalities[1]',
          'study.modalities[2]',
          'study.performedAt',
        ],
      });
      expect(sut.snapshot()).toMatchObject({ status: 'placed', version: 1 });
    });

    it('refuses a study without a series of the item modality', () => {
      const fixture = aCentre('imaging');

      expect(
        refusal(() =>
          place(fixture).attachImagingStudy(aStudy({ modalities: ['MR'] }), fixture.clinicId, later(30)),
        ),
      ).toMatchObject({
        code: OrderErrorCode.ExamDataDoesNotFitItem,
        fields: ['study.modalities'],
      });
    });

    it('refuses a study performed after now', () => {
      const fixture = aCentre('imaging');

      expect(
        refusal(() =>
          place(fixture).attachImagingStudy(aStudy({ performedAt: later(31) }), fixture.clinicId, later(30)),
        ).fields,
      ).toEqual(['study.performedAt']);
    });

    it('takes an ECG trace for an ECG item, and refuses one with bad fields', () => {
      const fixture = aCentre('ecg');
      const sut = place(fixture, ecgItem);
      const trace = {
        traceId: 'ecg/2026/12/04/0017',
        format: 'hl7-aecg' as const,
        leads: 12,
        recordedAt: later(5),
      };

      expect(
        refusal(() =>
          sut.attachEcgTrace({ ...trace, leads: 0, format: 'pdf' as never }, fixture.clinicId, later(10)),
        ).fields,
      ).toEqual(['trace.format', 'trace.leads']);
      sut.attachEcgTrace(trace, fixture.clinicId, later(10));
      expect(sut.snapshot()).toMatchObject({ status: 'performed', exam: { kind: 'ecg-trace', trace } });
    });

    it('takes a labelled specimen of the item specimen type for a laboratory item', () => {
      const fixture = aCentre('laboratory');
      const sut = place(fixture, aLabItem());
      const specimen = { barcode: 'S2026120400017', specimen: 'serum' as const, collectedAt: later(3) };

      expect(
        refusal(() => sut.attachSpecimen({ ...specimen, specimen: 'urine' }, fixture.clinicId, later(5))),
      ).toMatchObject({
        code: OrderErrorCode.ExamDataDoesNotFitItem,
        fields: ['specimen.specimen'],
      });
      expect(
        refusal(() => sut.attachSpecimen({ ...specimen, barcode: 'S 1' }, fixture.clinicId, later(5))).fields,
      ).toEqual(['specimen.barcode']);
      sut.attachSpecimen(specimen, fixture.clinicId, later(5));
      expect(sut.snapshot().exam).toEqual({ kind: 'specimen', specimen });
    });

    it('refuses data of another kind than the item, data sent twice, and data from another institution', () => {
      const fixture = aCentre('imaging');
      const sut = place(fixture);
      const specimen = { barcode: 'S2026120400017', specimen: 'serum' as const, collectedAt: later(3) };

      expect(refusal(() => sut.attachSpecimen(specimen, fixture.clinicId, later(5)))).toMatchObject({
        code: OrderErrorCode.ExamDataDoesNotFitItem,
        fields: ['specimen'],
      });
      expect(refusal(() => sut.attachImagingStudy(aStudy(), fixture.hostInstitutionId, later(30))).code).toBe(
        OrderErrorCode.NotTheOrderingSite,
      );
      sut.attachImagingStudy(aStudy(), fixture.clinicId, later(30));
      expect(refusal(() => sut.attachImagingStudy(aStudy(), fixture.clinicId, later(30))).code).toBe(
        OrderErrorCode.IllegalStep,
      );
    });
  });

  describe('reporting and cancelling', () => {
    it('is reported once performed, and a repeat of the same report changes nothing', () => {
      const fixture = aCentre('imaging');
      const sut = place(fixture);
      const reportId = uuidv7();
      expect(refusal(() => sut.reported(reportId, later(40))).code).toBe(OrderErrorCode.IllegalStep);
      sut.attachImagingStudy(aStudy(), fixture.clinicId, later(30));

      sut.reported(reportId, later(40));
      sut.reported(reportId, later(41));

      expect(sut.snapshot()).toMatchObject({
        status: 'reported',
        reportId,
        reportedAt: later(40),
        version: 3,
      });
    });

    it('is cancelled by the ordering site with its reason before a report, never after', () => {
      const fixture = aCentre('imaging');
      const sut = place(fixture);

      expect(refusal(() => sut.cancel('患者拒绝', fixture.hostInstitutionId, now)).code).toBe(
        OrderErrorCode.NotTheOrderingSite,
      );
      expect(refusal(() => sut.cancel(' ', fixture.clinicId, now)).fields).toEqual(['reason']);
      sut.cancel(' 患者拒绝检查 ', fixture.clinicId, later(1));
      expect(sut.snapshot()).toMatchObject({
        status: 'cancelled',
        cancelReason: '患者拒绝检查',
        cancelledAt: later(1),
      });
      expect(refusal(() => sut.cancel('again', fixture.clinicId, later(2))).code).toBe(
        OrderErrorCode.IllegalStep,
      );
    });
  });
});
