import { anIdentity } from '@medgrid/testing';
import { ReportingAccess } from './reporting-access.policy';

/** The centre hosted by hospital h1 of group g1 reports an order of clinic c1. */
const centre = { groupId: 'g1', hostInstitutionId: 'h1' };
const report = { orderingInstitutionId: 'c1', groupId: 'g1' };
const site = { id: 'c1', groupId: 'g1' };

/**
 * One row per caller: work at the centre (claim, draft, sign, amend), see its worklist, read the report,
 * acknowledge a critical value (the alert then checks the institution), list c1's critical values.
 */
const MATRIX = [
  ['city-operator', null, null, false, false, false, false, false],
  ['group-admin', null, 'g1', false, true, true, false, true],
  ['group-admin', null, 'g2', false, false, false, false, false],
  ['hospital-staff', 'h1', 'g1', true, true, true, true, false],
  ['hospital-staff', 'h2', 'g1', false, false, false, true, false],
  ['partner-system', 'h1', 'g1', true, true, true, false, false],
  ['partner-system', 'c1', 'g1', false, false, true, false, true],
  ['primary-staff', 'c1', 'g1', false, false, true, true, true],
  ['primary-staff', 'c2', 'g1', false, false, false, true, false],
  ['primary-staff', 'x9', 'g2', false, false, false, true, false],
] as const;

describe(ReportingAccess.name, () => {
  const rows = (column: number) => MATRIX.map((row) => [row[0], row[1], row[2], row[column]] as const);

  describe(ReportingAccess.canWorkAt.name, () => {
    const sut = ReportingAccess.canWorkAt;

    it.each(rows(3))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), centre)).toBe(allowed);
    });
  });

  describe(ReportingAccess.canSeeWorklist.name, () => {
    const sut = ReportingAccess.canSeeWorklist;

    it.each(rows(4))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), centre)).toBe(allowed);
    });
  });

  describe(ReportingAccess.canSeeReport.name, () => {
    const sut = ReportingAccess.canSeeReport;

    it.each(rows(5))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), report, centre)).toBe(allowed);
    });
  });

  describe(ReportingAccess.canAcknowledge.name, () => {
    const sut = ReportingAccess.canAcknowledge;

    it.each(rows(6))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }))).toBe(allowed);
    });
  });

  describe(ReportingAccess.canListCriticalValues.name, () => {
    const sut = ReportingAccess.canListCriticalValues;

    it.each(rows(7))('%s of %s in %s: %s', (role, institutionId, groupId, allowed) => {
      expect(sut(anIdentity({ role, institutionId, groupId }), site)).toBe(allowed);
    });
  });
});
