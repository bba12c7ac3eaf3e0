import { ValidationError } from '@medgrid/errors';
import { type ReferralPass } from '../../domain/referral-pass';
import { ReferralPassRepository } from '../../domain/referral-pass.repository';
import { KeepReferralPassCommand, type KeepReferralPassInput } from './keep-referral-pass.command';
import { KeepReferralPassUseCase } from './keep-referral-pass.use-case';

class KeptPasses extends ReferralPassRepository {
  readonly kept: ReferralPass[] = [];

  keep(pass: ReferralPass): Promise<void> {
    this.kept.push(pass);
    return Promise.resolve();
  }

  groupsSendingTo(): Promise<string[]> {
    return Promise.resolve([]);
  }
}

const referral = (overrides: Partial<KeepReferralPassInput> = {}): KeepReferralPassInput => ({
  referralId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4301',
  groupId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4302',
  patientResidentId: '44011219571122597x',
  referringInstitutionId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4303',
  receivingInstitutionId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4304',
  status: 'submitted',
  version: 2,
  ...overrides,
});

describe(KeepReferralPassUseCase.name, () => {
  let passes: KeptPasses;
  let sut: KeepReferralPassUseCase;

  beforeEach(() => {
    passes = new KeptPasses();
    sut = new KeepReferralPassUseCase(passes);
  });

  it('keeps a routed referral as a pass, open while the patient is on the way', async () => {
    await sut.execute(KeepReferralPassCommand.create(referral()));

    expect(passes.kept).toEqual([
      {
        referralId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4301',
        groupId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4302',
        patientResidentId: '44011219571122597X',
        referringInstitutionId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4303',
        receivingInstitutionId: '01a24381-4eb3-7772-9ed9-b1f6ce9d4304',
        open: true,
        version: 2,
      },
    ]);
  });

  it('keeps nothing of a draft not routed yet, which names no receiving institution', async () => {
    await sut.execute(
      KeepReferralPassCommand.create(referral({ receivingInstitutionId: '', status: 'draft', version: 1 })),
    );

    expect(passes.kept).toEqual([]);
  });

  it('refuses a malformed receiving institution', () => {
    expect(() => KeepReferralPassCommand.create(referral({ receivingInstitutionId: 'hospital-1' }))).toThrow(
      ValidationError,
    );
  });
});
