import { type enrolmentServiceV1 } from '@medgrid/contracts';
import {
  schemeFromProto,
  schemeToProto,
  untilFromProto,
  untilToProto,
} from '../../common/contracts/insurance.proto-mapper';
import { type CoverageView as GetCoverageView } from '../application/get-coverage/get-coverage.use-case';
import { type CoverageLoad } from '../domain/coverage-load';
import { type EnrolmentRow } from '../domain/enrolment-roll';
import { type CoverageSpell } from '../domain/resident-coverage';

export function rowFromProto(row: enrolmentServiceV1.CoverageRow): EnrolmentRow {
  return {
    residentId: row.residentId.trim(),
    scheme: schemeFromProto(row.scheme),
    from: row.from.trim(),
    until: untilFromProto(row.until),
  };
}

export function coverageLoadToProto(load: CoverageLoad): enrolmentServiceV1.LoadCoverageResponse {
  return {
    loadId: load.id,
    residentCount: load.residentCount,
    rows: load.report.map((row) => ({
      index: row.index,
      residentId: row.residentId,
      endedSpellFrom: row.endedSpellFrom ?? '',
    })),
  };
}

export function spellToProto(spell: CoverageSpell): enrolmentServiceV1.CoverageSpell {
  return { scheme: schemeToProto(spell.scheme), from: spell.from, until: untilToProto(spell.until) };
}

export function coverageToProto(view: GetCoverageView): enrolmentServiceV1.GetCoverageResponse {
  return {
    residentId: view.residentId,
    on: view.on,
    covered: view.spell !== null,
    spell: view.spell ? spellToProto(view.spell) : undefined,
    spells: view.spells.map(spellToProto),
  };
}
