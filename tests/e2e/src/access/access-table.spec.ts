import { CALLERS, cellsOf, readTable } from './access-table';
import { contractMethods, serviceOf } from './access-walker';

const SERVICES = ['registry', 'referral', 'scheduling', 'lab-sharing', 'pharmacy', 'payment', 'gateway'];

describe('the access matrix table (docs/access-matrix.md)', () => {
  const rows = readTable();

  it('has one row for every RPC of the contracts, and PlatformService/WhoAmI once for each service', () => {
    const expected = [...contractMethods().keys()].flatMap((rpc) =>
      rpc.startsWith('platform.') ? SERVICES.map((s) => `${s} ${rpc}`) : [`${serviceOf(rpc)} ${rpc}`],
    );
    expect(rows.map((r) => `${r.service} ${r.rpc}`).sort()).toEqual(expected.sort());
  });

  it('refuses every RPC to a caller without a valid token', () => {
    const unauthenticated = cellsOf(rows).filter((c) =>
      ['no-token', 'expired-token', 'other-key'].includes(c.caller),
    );
    expect(unauthenticated.filter((c) => c.expected !== 'U')).toEqual([]);
  });

  it('expands to RPCs × callers × owners cells', () => {
    expect(cellsOf(rows)).toHaveLength(rows.length * CALLERS.length * 3);
  });

  it('refuses a cell that is not A, D, U, N or three of them', () => {
    const line =
      '| registry | `registry.v1.OrganisationService/ListGrids` | A | AX | A | A | A | U | U | U |  |';
    expect(() => readTable(line)).toThrow(
      /group-admin of registry.v1.OrganisationService\/ListGrids is "AX"/,
    );
  });
});
