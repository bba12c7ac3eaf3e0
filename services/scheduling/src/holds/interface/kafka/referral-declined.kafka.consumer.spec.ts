import { events, referralV1 } from '@medgrid/contracts';
import { type ReleaseReferralHoldCommand } from '../../application/release-referral-hold/release-referral-hold.command';
import { type ReleaseReferralHoldUseCase } from '../../application/release-referral-hold/release-referral-hold.use-case';
import { ReferralDeclinedKafkaConsumer } from './referral-declined.kafka.consumer';

const { ReferralAction: A } = referralV1;

describe(ReferralDeclinedKafkaConsumer.name, () => {
  const envelope = events.EventEnvelope.fromPartial({ eventId: 'e1' });
  const referral = referralV1.Referral.fromPartial({
    id: 'r1',
    groupId: 'g1',
    receivingInstitutionId: 'h1',
  });
  const changed = (action: referralV1.ReferralAction, note = '') =>
    referralV1.ReferralChanged.fromPartial({ referral, change: { action, note } });
  const setUp = () => {
    const release = jest.fn<Promise<void>, [ReleaseReferralHoldCommand]>(() => Promise.resolve());
    const sut = new ReferralDeclinedKafkaConsumer({
      execute: release,
    } as unknown as ReleaseReferralHoldUseCase);
    return { sut, release };
  };

  it('ends what scheduling holds for a declined referral, with the hospital’s reason', async () => {
    const { sut, release } = setUp();

    await sut.handle(changed(A.REFERRAL_ACTION_DECLINE, '本周号源已满'), envelope);

    expect(release).toHaveBeenCalledWith(
      expect.objectContaining({ referralId: 'r1', reason: 'referral declined: 本周号源已满' }),
    );
  });

  it('leaves every other change of a referral alone', async () => {
    const { sut, release } = setUp();

    for (const action of [A.REFERRAL_ACTION_ARRIVE, A.REFERRAL_ACTION_COMPLETE, A.REFERRAL_ACTION_SCHEDULE]) {
      await sut.handle(changed(action), envelope);
    }

    expect(release).not.toHaveBeenCalled();
  });

  it('sends a declined referral without its ids to the dead-letter topic', async () => {
    const { sut } = setUp();
    const malformed = referralV1.ReferralChanged.fromPartial({
      referral: { id: 'r1' },
      change: { action: A.REFERRAL_ACTION_DECLINE },
    });

    await expect(sut.handle(malformed, envelope)).rejects.toMatchObject({ code: 'MALFORMED_EVENT' });
  });
});
