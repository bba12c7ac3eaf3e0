import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNERS, type Owner } from './access-requests';

/** Where the expectations are: docs/access-matrix.md, one table row per RPC, read by reviewers and by this walk. */
export const TABLE_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'access-matrix.md');

/** The callers of the table's columns, in its order. */
export const CALLERS = [
  'city-operator',
  'group-admin',
  'hospital-staff',
  'primary-staff',
  'partner-system',
  'no-token',
  'expired-token',
  'other-key',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * An answer as the table names it: A allowed (the call passes the access rules: any status but the three below),
 * D PERMISSION_DENIED, U UNAUTHENTICATED, N NOT_FOUND (the caller is told the record does not exist).
 */
export type Expected = 'A' | 'D' | 'U' | 'N';

export interface TableRow {
  /** e.g. registry.v1.OrganisationService/RegisterCity */
  readonly rpc: string;
  /** The service that answers it (PlatformService: every one, one row each). */
  readonly service: string;
  readonly cells: Readonly<Record<Caller, Readonly<Record<Owner, Expected>>>>;
  /** Whether an answered call reads personal or clinical data, so leaves an audit row of the read. */
  readonly auditsRead: boolean;
  /** The table's line, for messages. */
  readonly line: number;
}

export interface Cell {
  readonly row: TableRow;
  readonly caller: Caller;
  readonly owner: Owner;
  readonly expected: Expected;
}

/**
 * The table's rows: `| service | rpc | operator | … | other key | audit |`. A caller's cell is one letter for all
 * three owners, or three letters for own institution, own group and another group (`AAN`).
 */
export function readTable(text = readFileSync(TABLE_PATH, 'utf8')): TableRow[] {
  const rows: TableRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const columns = raw
      .trim()
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (columns.length !== CALLERS.length + 3 || !columns[1]!.includes('/') || columns[1]!.startsWith('-'))
      return;
    const [service, quoted, ...rest] = columns as [string, string, ...string[]];
    const rpc = quoted.replace(/`/g, '');
    const audit = rest.pop()!;
    const cells = {} as Record<Caller, Record<Owner, Expected>>;
    CALLERS.forEach((caller, i) => {
      const code = rest[i]!.replace(/`/g, '');
      if (!/^[ADUN]$|^[ADUN]{3}$/.test(code))
        throw new Error(
          `${TABLE_PATH}:${index + 1}: ${caller} of ${rpc} is "${code}", not A, D, U, N or three of them`,
        );
      const letters = code.length === 1 ? [code, code, code] : [...code];
      cells[caller] = Object.fromEntries(OWNERS.map((owner, j) => [owner, letters[j] as Expected])) as Record<
        Owner,
        Expected
      >;
    });
    if (audit !== 'read' && audit !== '')
      throw new Error(
        `${TABLE_PATH}:${index + 1}: the audit column of ${rpc} is "${audit}", not read or empty`,
      );
    rows.push({ rpc, service, cells, auditsRead: audit === 'read', line: index + 1 });
  });
  return rows;
}

/** Every cell of the rows: RPC × caller × owner. */
export function cellsOf(rows: readonly TableRow[]): Cell[] {
  return rows.flatMap((row) =>
    CALLERS.flatMap((caller) =>
      OWNERS.map((owner) => ({ row, caller, owner, expected: row.cells[caller][owner] })),
    ),
  );
}
