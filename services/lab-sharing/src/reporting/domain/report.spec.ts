import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aCentre, aReporterOf, type CentreFixture } from '../../centres/test/shared-centre.factory';
import { type CentreReporter } from '../../centres/domain/shared-centre';
import { aPerformedOrder } from '../../orders/test/order.factory';
import { aLabItem, anImagingItem } from '../../recognition/test/catalogue-item.factory';
import { aContent, anObservation } from '../test/report-content.factory';
import { Report } from './report';
import { ReportingError, ReportingErrorCode } from './reporting-error';
import { TurnaroundTargets } from './turnaround-targets';

const MINUTE = 60_000;
const IDLE = 15 * MINUTE;
const now = new Date('2026-12-04T02:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

function setUp(kind: 'laboratory' | 'imaging' = 'laboratory', urgency: 'routine' | 'emergency' = 'routine') {
  const fixture: CentreFixture = aCentre(kind);
  const item = kind === 'laboratory' ? aLabItem() : anImagingItem();
  const order = aPerformedOrder(fixture, item, urgency);
  const sut = Report.open(
    { id: uuidv7(), itemDataClass: 'general' },
    order.snapshot(),
    TurnaroundTargets.defaults(),
    now,
  );
  const reporter = (): CentreReporter => fixture.centre.reporterFor(aReporterOf(fixture), kind);
  return { fixture, order, sut, alice: reporter(), bob: reporter() };
}

function refusal(act: () => unknown): { code: string; fields: string[]; category: string } {
  const error = thrownBy(ReportingError, act);
  return { code: error.code, fields: error.violations.map((v) => v.field), category: error.category };
}

function signed() {
  const set = setUp();
  set.sut.claim(set.alice, now, IDLE);
  set.sut.saveDraft(set.alice, aContent(), later(1));
  set.sut.sign(set.alice, later(2));
  set.sut.pullEvents();
  return set;
}

describe(Report.name, () => {
  describe('on the worklist', () => {
    it('opens for a performed order, due by its turnaround target', () => {
      const { sut, order } = setUp('imaging', 'emergency');

      expect(sut.snapshot()).toMatchObject({
        orderId: order.id,
        status: 'waiting',
        receivedAt: now,
        dueAt: later(60),
        claim: null,
        versions: [],
      });
      expect(sut.isOverdue(later(59))).toBe(false);
      expect(sut.isOverdue(later(60))).toBe(true);
    });

    it('does not open for an order whose exam data has not arrived', () => {
      const fixture = aCentre('imaging');
      const order = aPerformedOrder(fixture, anImagingItem()).snapshot();

      expect(
        refusal(() =>
          Report.open(
            { id: uuidv7(), itemDataClass: 'general' },
            { ...order, status: 'placed' },
            TurnaroundTargets.defaults(),
            now,
          ),
        ).code,
      ).toBe(ReportingErrorCode.IllegalStep);
    });
  });

  describe('claims', () => {
    it('is claimed by one reporter at a time', () => {
      const { sut, alice, bob } = setUp();

      sut.claim(alice, now, IDLE);

      expect(sut.snapshot()).toMatchObject({
        status: 'in-progress',
        claim: { practitionerId: alice.practitionerId },
      });
      expect(refusal(() => sut.claim(bob, later(14), IDLE))).toMatchObject({
        code: ReportingErrorCode.ClaimedByAnother,
        category: 'failed-precondition',
      });
    });

    it('is taken over once the claim has been idle for the idle time; a save keeps the claim alive', () => {
      const { sut, alice, bob } = setUp();
      sut.claim(alice, now, IDLE);
      sut.saveDraft(alice, aContent(), later(10));

      expect(refusal(() => sut.claim(bob, later(24), IDLE)).code).toBe(ReportingErrorCode.ClaimedByAnother);
      sut.claim(bob, later(25), IDLE);
      expect(sut.snapshot().claim).toMatchObject({
        practitionerId: bob.practitionerId,
        claimedAt: later(25),
      });
      expect(sut.snapshot().draft).toEqual(aContent());
      expect(refusal(() => sut.sign(alice, later(26))).code).toBe(ReportingErrorCode.ClaimRequired);
    });

    it('lets the claimant claim again, and release it back to the worklist with its draft', () => {
      const { sut, alice, bob } = setUp();
      sut.claim(alice, now, IDLE);
      sut.claim(alice, later(20), IDLE);
      sut.saveDraft(alice, aContent(), later(21));

      expect(refusal(() => sut.release(bob)).code).toBe(ReportingErrorCode.ClaimRequired);
      sut.release(alice);
      expect(sut.snapshot()).toMatchObject({ status: 'waiting', claim: null, draft: aContent() });
    });

    it('is released by the sweep when idle, and only then', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);
      sut.pullEvents();

      expect(sut.releaseIfIdle(later(14), IDLE)).toBe(false);
      expect(sut.releaseIfIdle(later(15), IDLE)).toBe(true);
      expect(sut.releaseIfIdle(later(16), IDLE)).toBe(false);
      expect(sut.pullEvents().map((e) => e.change)).toEqual(['released']);
    });

    it('refuses a reporter of another centre', () => {
      const { sut } = setUp();
      const other = aCentre('laboratory');

      expect(
        refusal(() => sut.claim(other.centre.reporterFor(aReporterOf(other), 'laboratory'), now, IDLE)),
      ).toMatchObject({ code: ReportingErrorCode.ReporterOfAnotherCentre, category: 'permission-denied' });
    });
  });

  describe('drafting and signing', () => {
    it('signs the claimant draft as version 1 and leaves the worklist', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);
      sut.saveDraft(alice, aContent(), later(1));
      sut.pullEvents();

      sut.sign(alice, later(2));

      expect(sut.snapshot()).toMatchObject({ status: 'signed', claim: null, draft: null });
      expect(sut.current).toEqual({
        number: 1,
        content: aContent(),
        signedBy: alice.practitionerId,
        signedAt: later(2),
        amendmentReason: null,
      });
      expect(sut.pullEvents().map((e) => [e.change, e.critical])).toEqual([['signed', false]]);
    });

    it('drafts only under a claim', () => {
      const { sut, alice } = setUp();

      expect(refusal(() => sut.saveDraft(alice, aContent(), now)).code).toBe(
        ReportingErrorCode.ClaimRequired,
      );
    });

    it('refuses malformed content, naming each field', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);

      expect(
        refusal(() =>
          sut.saveDraft(
            alice,
            aContent({
              conclusion: 'x'.repeat(10_001),
              observations: [anObservation(), anObservation({ flag: 'H' })],
            }),
            now,
          ),
        ),
      ).toMatchObject({
        code: ReportingErrorCode.InvalidContent,
        category: 'invalid-argument',
        fields: ['content.conclusion', 'content.observations[1].flag'],
      });
    });

    it('signs nothing without a draft, a conclusion, or a laboratory report without observations', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);
      expect(refusal(() => sut.sign(alice, now)).fields).toEqual(['content']);

      sut.saveDraft(alice, aContent({ conclusion: ' ', observations: [] }), now);

      expect(refusal(() => sut.sign(alice, now))).toMatchObject({
        code: ReportingErrorCode.IncompleteReport,
        fields: ['content.conclusion', 'content.observations'],
      });
      expect(sut.status).toBe('in-progress');
    });

    it('signs an imaging report without observations', () => {
      const { sut, alice } = setUp('imaging');
      sut.claim(alice, now, IDLE);
      sut.saveDraft(
        alice,
        aContent({ findings: '双肺纹理清晰', conclusion: '胸部CT未见异常', observations: [] }),
        now,
      );

      sut.sign(alice, now);

      expect(sut.status).toBe('signed');
    });

    it('makes a report with a critically flagged observation critical, and asks what is critical', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);
      const low = anObservation({ value: { kind: 'quantity', value: 2.1, unit: 'mmol/L' }, flag: 'LL' });
      sut.saveDraft(alice, aContent({ observations: [low] }), now);

      expect(refusal(() => sut.sign(alice, now)).fields).toEqual(['content.criticalNote']);
      sut.saveDraft(alice, aContent({ observations: [low], criticalNote: '血糖 2.1 mmol/L' }), now);
      sut.pullEvents();
      sut.sign(alice, now);

      expect(sut.current?.content.critical).toBe(true);
      expect(sut.pullEvents().map((e) => [e.change, e.critical])).toEqual([['signed', true]]);
    });
  });

  describe('amendments', () => {
    it('adds a version with its reason and keeps the one before', () => {
      const { sut, bob } = signed();
      const corrected = aContent({ conclusion: '空腹血糖正常（复核）' });

      sut.amend(bob, corrected, ' 复核更正 ', later(30));

      expect(sut.snapshot().versions.map((v) => [v.number, v.content.conclusion, v.amendmentReason])).toEqual(
        [
          [1, '空腹血糖正常', null],
          [2, '空腹血糖正常（复核）', '复核更正'],
        ],
      );
      expect(sut.current?.signedBy).toBe(bob.practitionerId);
      expect(sut.pullEvents().map((e) => [e.change, e.critical])).toEqual([['amended', false]]);
    });

    it('needs a reason, a signed report and a reporter of the centre', () => {
      const { sut, bob } = signed();
      const other = aCentre('laboratory');

      expect(refusal(() => sut.amend(bob, aContent(), '  ', now)).fields).toEqual(['reason']);
      expect(
        refusal(() =>
          sut.amend(other.centre.reporterFor(aReporterOf(other), 'laboratory'), aContent(), '更正', now),
        ).code,
      ).toBe(ReportingErrorCode.ReporterOfAnotherCentre);
      const { sut: open, alice } = setUp();
      expect(refusal(() => open.amend(alice, aContent(), '更正', now)).code).toBe(
        ReportingErrorCode.IllegalStep,
      );
      expect(sut.snapshot().versions).toHaveLength(1);
    });

    it('raises the data class when the content does', () => {
      const { sut, bob } = signed();

      sut.amend(bob, aContent({ dataClass: 'psychiatric' }), '补充', now);

      expect(sut.dataClass()).toBe('psychiatric');
    });
  });

  describe('cancelling', () => {
    it('leaves the worklist when its order is cancelled before a signature, not after', () => {
      const { sut, alice } = setUp();
      sut.claim(alice, now, IDLE);

      sut.cancel();
      sut.cancel();

      expect(sut.snapshot()).toMatchObject({ status: 'cancelled', claim: null });
      expect(refusal(() => sut.claim(alice, now, IDLE)).code).toBe(ReportingErrorCode.IllegalStep);
      expect(refusal(() => signed().sut.cancel()).code).toBe(ReportingErrorCode.IllegalStep);
    });
  });
});
