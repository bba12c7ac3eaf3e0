import { useEffect, useState } from 'react';
import { type ReferralChange } from '../api/portal-types';
import { watchReferralChanges } from '../api/referral-events';

/**
 * Subscribes to the gateway's referral changes while a page is open, always calling the latest
 * handler; answers whether the stream is open.
 */
export function useReferralChanges(onChange: (change: ReferralChange) => void): boolean {
  const [handler] = useState(() => ({ current: onChange }));
  const [connected, setConnected] = useState(false);
  handler.current = onChange;
  useEffect(() => watchReferralChanges((change) => handler.current(change), setConnected), [handler]);
  return connected;
}
