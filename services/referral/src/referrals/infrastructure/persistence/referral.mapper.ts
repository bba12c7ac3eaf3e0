import { Referral } from '../../domain/referral';
import { type ReferralDirection } from '../../domain/referral-direction';
import { type ReferralStatus } from '../../domain/referral-status';
import { ReferralOrmEntity } from './referral.orm-entity';

export const ReferralMapper = {
  toRow(referral: Referral): ReferralOrmEntity {
    return Object.assign(new ReferralOrmEntity(), referral.snapshot());
  },
  toDomain(row: ReferralOrmEntity): Referral {
    return Referral.restore({
      ...row,
      direction: row.direction as ReferralDirection,
      status: row.status as ReferralStatus,
    });
  },
};
