import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Every alert of the platform's rules file links a runbook that exists, and the runbooks speak of no alert that is
 * gone: an on-call person who follows an alert's runbook_url must land on its section. The rules file gives each
 * alert a path in this repository (the chart's PrometheusRule puts metrics.prometheusRule.runbookBaseUrl in front),
 * and docs/runbooks.md has one `## <alert name>` section per alert, whose anchor is the name in lower case.
 */
const ROOT = join(__dirname, '..', '..', '..');
const RULES = 'deploy/helm/medgrid/files/prometheus/medgrid.rules.yaml';
const RUNBOOKS = 'docs/runbooks.md';

interface RulesFile {
  groups?: { name: string; rules?: { alert?: string; annotations?: Record<string, string> }[] }[];
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** What is wrong between a rules file and its runbooks, one sentence each; none when they agree. */
function runbookProblems(rulesText: string, runbooksText: string): string[] {
  const problems: string[] = [];
  const rules = (parse(rulesText) as RulesFile).groups?.flatMap((g) => g.rules ?? []) ?? [];
  const alerts = rules.filter((rule) => rule.alert);
  // Headings outside fenced code blocks only: a `# comment` in a shell example is not one.
  const headings = runbooksText
    .replace(/^ *```[\s\S]*?^ *```/gm, '')
    .split('\n')
    .map((line) => /^(#{1,6}) (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: m[1]!.length, text: m[2]!.trim() }));
  const anchors = new Set(headings.map((h) => anchorOf(h.text)));
  const sections = headings.filter((h) => h.level === 2 && /^MedGrid[A-Za-z0-9]*$/.test(h.text));

  for (const { alert, annotations } of alerts) {
    const url = annotations?.['runbook_url'];
    const expected = `${RUNBOOKS}#${anchorOf(alert!)}`;
    if (!url) problems.push(`${alert} has no annotations.runbook_url`);
    else if (url !== expected) problems.push(`${alert} links ${url}, not its section ${expected}`);
    if (!sections.some((s) => s.text === alert)) problems.push(`${alert} has no "## ${alert}" section`);
  }
  const names = new Set(alerts.map((rule) => rule.alert));
  for (const section of sections)
    if (!names.has(section.text))
      problems.push(`section "## ${section.text}" names no alert of the rules file`);
  for (const [, target] of runbooksText.matchAll(/\]\(#([^)]+)\)/g))
    if (!anchors.has(target!)) problems.push(`link #${target} has no heading`);
  return problems;
}

const RULES_SAMPLE = `groups:
  - name: medgrid.rules
    rules:
      - alert: MedGridA
        expr: up == 0
        annotations:
          runbook_url: 'docs/runbooks.md#medgrida'
      - alert: MedGridB
        expr: up == 0
        annotations:
          runbook_url: 'docs/runbooks.md#medgridb'
`;
const RUNBOOKS_SAMPLE =
  '# Runbooks\n\nSee [MedGridB](#medgridb).\n\n## MedGridA\n\ntext\n\n## MedGridB\n\ntext\n';

describe(runbookProblems.name, () => {
  const sut = runbookProblems;

  it('finds every alert of the repository linked to its own section, and no section without an alert', () => {
    const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    expect(sut(read(RULES), read(RUNBOOKS))).toEqual([]);
  });

  it('accepts alerts that each link their section', () => {
    expect(sut(RULES_SAMPLE, RUNBOOKS_SAMPLE)).toEqual([]);
  });

  it('names an alert without a runbook_url', () => {
    const rules = RULES_SAMPLE.replace("          runbook_url: 'docs/runbooks.md#medgrida'\n", '');
    expect(sut(rules, RUNBOOKS_SAMPLE)).toEqual(['MedGridA has no annotations.runbook_url']);
  });

  it('names an alert that links another section', () => {
    const rules = RULES_SAMPLE.replace('#medgrida', '#medgridb');
    expect(sut(rules, RUNBOOKS_SAMPLE)).toEqual([
      'MedGridA links docs/runbooks.md#medgridb, not its section docs/runbooks.md#medgrida',
    ]);
  });

  it('names an alert whose section was removed, and the links that pointed at it', () => {
    const runbooks = RUNBOOKS_SAMPLE.replace('## MedGridB\n\ntext\n', '');
    expect(sut(RULES_SAMPLE, runbooks)).toEqual([
      'MedGridB has no "## MedGridB" section',
      'link #medgridb has no heading',
    ]);
  });

  it('names a section whose alert is gone', () => {
    const rules = RULES_SAMPLE.split('      - alert: MedGridB')[0]!;
    expect(sut(rules, RUNBOOKS_SAMPLE)).toEqual(['section "## MedGridB" names no alert of the rules file']);
  });

  it('reads no heading out of a code block', () => {
    const runbooks = `${RUNBOOKS_SAMPLE}\n\`\`\`bash\n## MedGridC\n\`\`\`\n`;
    expect(sut(RULES_SAMPLE, runbooks)).toEqual([]);
  });
});
