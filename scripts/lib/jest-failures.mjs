// Prints what jest said of each failing test in a test stage's output (scripts/test.sh keeps it in .logs/): the
// project (nx's task line), the failing file, and each `● suite › test` block with its message and first stack
// lines. Used to repeat a failure at the end of a long stage, where CI's kept output can see it.
//
//   node scripts/lib/jest-failures.mjs .logs/test-integration.log
import { readFileSync } from 'node:fs';

const MAX_BLOCK_LINES = 40;
const MAX_LINES = 600;

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;
const lines = readFileSync(process.argv[2], 'utf8').replace(ansi, '').split('\n');

const out = [];
let task = '';
let block = null;
// Jest repeats every failure under this heading when several files ran: counted once.
let inSummary = false;
const flush = () => {
  if (block)
    out.push(...block.slice(0, MAX_BLOCK_LINES), ...(block.length > MAX_BLOCK_LINES ? ['    …'] : []), '');
  block = null;
};
for (const line of lines) {
  const taskLine = /^> nx run (\S+)/.exec(line);
  if (taskLine) {
    flush();
    task = taskLine[1];
    continue;
  }
  if (/^Summary of all failing tests/.test(line)) {
    flush();
    inSummary = true;
    continue;
  }
  if (/^Test Suites:/.test(line)) inSummary = false;
  if (inSummary) continue;
  if (/^\s*PASS\s/.test(line)) {
    flush();
    continue;
  }
  if (/^\s*FAIL\s/.test(line)) {
    flush();
    out.push(`${task}: ${line.trim()}`);
    continue;
  }
  const header = /^ {2}● (.*)$/.exec(line);
  if (header) {
    flush();
    // Console output of a passing or failing test, not a failure.
    if (!header[1].startsWith('Console')) block = [`  ● ${header[1]}`];
    continue;
  }
  if (block && /^\S/.test(line)) flush();
  else if (block) block.push(line);
}
flush();

if (out.length === 0) {
  console.log('(no jest failure found in the output: the failure is above, not in a test)');
} else {
  console.log(out.slice(0, MAX_LINES).join('\n'));
  if (out.length > MAX_LINES) console.log(`… ${out.length - MAX_LINES} more lines in ${process.argv[2]}`);
}
