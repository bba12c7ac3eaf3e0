import { type Fen } from '../../common/domain/money';
import {
  aSettledClaim,
  aSettlementInput,
  CLINIC_ID,
  GROUP_ID,
  HOSPITAL_ID,
} from '../test/settlement.factory';
import { settlementCsv } from './settlement-report';
import { settle, SettlementTally } from './settlement-run';

function settled(budget: number) {
  const tally = new SettlementTally(aSettlementInput().period);
  tally.add([
    aSettledClaim({
      institutionId: HOSPITAL_ID,
      level: 'tertiary',
      referred: true,
      fund: 800_000 as Fen,
      waived: 5000 as Fen,
    }),
    aSettledClaim({ institutionId: CLINIC_ID, fund: 100_050 as Fen }),
  ]);
  return settle(aSettlementInput({ budget: budget as Fen }), tally);
}

describe(settlementCsv.name, () => {
  const sut = settlementCsv;

  it('writes the budget, the surplus shared, each institution, level and referral status and the total, in yuan', () => {
    const lines = sut(settled(1_000_000)).split('\r\n');
    const p = `${GROUP_ID},2026-11-01,2026-12-01`;

    expect(lines).toEqual([
      'group_id,period_from,period_until,row,key,claims,amount_yuan,fund_yuan,patient_yuan,waived_yuan,by_points_yuan',
      `${p},budget,,,10000.00,,,,`,
      `${p},surplus,,,999.50,,,,`,
      `${p},surplus-retained-by-group,,,599.70,,,,`,
      `${p},surplus-returned-to-fund,,,399.80,,,,`,
      `${p},institution,${HOSPITAL_ID},1,,8000.00,30.00,50.00,0.00`,
      `${p},institution,${CLINIC_ID},1,,1000.50,30.00,0.00,0.00`,
      `${p},level,primary,1,,1000.50,30.00,0.00,`,
      `${p},level,secondary,0,,0.00,0.00,0.00,`,
      `${p},level,tertiary,1,,8000.00,30.00,50.00,`,
      `${p},referral,referred,1,,8000.00,30.00,50.00,`,
      `${p},referral,unreferred,1,,1000.50,30.00,0.00,`,
      `${p},total,,2,,9000.50,60.00,50.00,`,
      '',
    ]);
  });

  it('writes an overspend and how it was covered', () => {
    const csv = sut(settled(800_000));

    expect(csv).toContain(',overspend,,,1000.50,');
    expect(csv).toContain(',overspend-covered-by-fund,,,600.30,');
    expect(csv).toContain(',overspend-covered-by-finance,,,400.20,');
    expect(csv).toContain(',overspend-borne-by-group,,,0.00,');
  });

  it('gives the same file for the same settlement', () => {
    expect(sut(settled(1_000_000))).toBe(sut(settled(1_000_000)));
  });
});
