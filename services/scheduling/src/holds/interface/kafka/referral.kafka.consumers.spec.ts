import { events, referralV1 } from '@medgrid/contracts';
import { type ReferralSagaUseCase } from '../../application/hold-for-referral/referral-saga.use-case';
import { ReferralDeclinedKafkaConsumer } from './referral.kafka.consumers';

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
    const cancelled = jest.fn<Promise<void>, [string, string]>(() => Promise.resolve());
    const sut = new ReferralDeclinedKafkaConsumer({ cancelled } as unknown as ReferralSagaUseCase);
    return { sut, cancelled };
  };

  it('ends what scheduling holds for a declined referral, with the hospital’s reason', async () => {
    const { sut, cancelled } = setUp();

    await sut.handle(changed(A.REFERRAL_ACTION_DECLINE, '本周号源已满'), envelope);

    expect(cancelled).toHaveBeenCalledWith('r1', 'referral declined: 本周号源已满');
  });

  it('leaves every other change of a referral alone', async () => {
    const { sut, cancelled } = setUp();

    for (const action of [A.REFERRAL_ACTION_ARRIVE, A.REFERRAL_ACTION_COMPLETE, A.REFERRAL_ACTION_SCHEDULE]) {
      await sut.handle(changed(action), envelope);
    }

    expect(cancelled).not.toHaveBeenCalled();
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
