import { referralV1 } from '@medgrid/contracts';
import { type KnownReferral } from '../../domain/claim-standing';
import { type KnownReferralRepository } from '../../domain/known-referral.repository';
import { knownReferralOf, ReferralAcceptedKafkaConsumer } from './referral-events.kafka.consumer';

const referral = referralV1.Referral.fromPartial({
  id: '0193a1b2-0000-7000-8000-0000000000aa',
  patientResidentId: '44010619600512001x',
  referringInstitutionId: '0193a1b2-0000-7000-8000-0000000000c1',
  receivingInstitutionId: '0193a1b2-0000-7000-8000-0000000000c2',
  status: referralV1.ReferralStatus.REFERRAL_STATUS_ACCEPTED,
  acceptedAt: new Date('2026-11-08T02:00:00Z'),
  version: 3,
});

describe(knownReferralOf.name, () => {
  it('keeps the patient upper-cased, the status by its name and when it was accepted', () => {
    expect(knownReferralOf(referral)).toEqual({
      id: referral.id,
      patientResidentId: '44010619600512001X',
      referringInstitutionId: referral.referringInstitutionId,
      receivingInstitutionId: referral.receivingInstitutionId,
      status: 'accepted',
      acceptedAt: new Date('2026-11-08T02:00:00Z'),
      version: 3,
    });
  });

  it('takes the arrival for a referral never accepted apart, and nothing without an id', () => {
    const arrived = { ...referral, acceptedAt: undefined, arrivedAt: new Date('2026-11-09T02:00:00Z') };
    expect(knownReferralOf(arrived as referralV1.Referral)?.acceptedAt).toEqual(arrived.arrivedAt);
    expect(knownReferralOf(undefined)).toBeNull();
    expect(knownReferralOf({ ...referral, id: '' })).toBeNull();
  });

  it('keeps no draft that has no receiving institution yet (the table has none to store)', () => {
    const draft = {
      ...referral,
      status: referralV1.ReferralStatus.REFERRAL_STATUS_DRAFT,
      receivingInstitutionId: '',
    };
    expect(knownReferralOf(draft)).toBeNull();
  });
});

describe(ReferralAcceptedKafkaConsumer.name, () => {
  it('keeps the referral the event carries', async () => {
    const kept: KnownReferral[] = [];
    const repository = { upsert: (r: KnownReferral) => Promise.resolve(void kept.push(r)) };
    const sut = new ReferralAcceptedKafkaConsumer(repository as unknown as KnownReferralRepository);

    await sut.handle({ referral, change: undefined });

    expect(kept.map((r) => [r.id, r.status])).toEqual([[referral.id, 'accepted']]);
  });
});
