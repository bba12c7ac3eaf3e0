import { type ReferralChange } from './portal-types';

/**
 * Live changes of the referrals the user may see, from the gateway's server-sent events
 * (`/api/referrals/events`, event type `referral`). EventSource reconnects by itself and sends
 * the last event id, so the gateway resumes where the stream broke off.
 */
export function watchReferralChanges(
  onChange: (change: ReferralChange) => void,
  onConnection: (open: boolean) => void = () => undefined,
): () => void {
  const source = new EventSource('/api/referrals/events');
  source.onopen = () => onConnection(true);
  source.onerror = () => onConnection(source.readyState === EventSource.OPEN);
  const listener = (event: MessageEvent<string>) => {
    try {
      onChange(JSON.parse(event.data) as ReferralChange);
    } catch {
      // A malformed event is skipped; the next one still arrives.
    }
  };
  source.addEventListener('referral', listener);
  return () => {
    source.removeEventListener('referral', listener);
    source.close();
  };
}
