import { isSensitive } from '../../common/data-class';
import { type ReportContent, Report, type ReportSnapshot } from './report';

/**
 * A report as a supervisor (the group's administrator) reads it: that it exists, for which item and patient,
 * where it stands and who signed when; for a sensitive data class (infectious-disease serology, psychiatric
 * findings) without its findings, conclusion, observations or critical note, which only those treating the
 * patient read (docs/domain.md section 5, sensitive results). The draft is the centre's work in progress and
 * is never shown outside it.
 */
export function supervisorView(report: ReportSnapshot): ReportSnapshot {
  const withoutDraft = { ...report, draft: null };
  if (!isSensitive(Report.restore(report).dataClass())) return withoutDraft;
  return {
    ...withoutDraft,
    versions: report.versions.map((version) => ({ ...version, content: masked(version.content) })),
  };
}

function masked(content: ReportContent): ReportContent {
  return {
    findings: '',
    conclusion: '',
    observations: [],
    critical: content.critical,
    criticalNote: null,
    dataClass: content.dataClass,
  };
}
