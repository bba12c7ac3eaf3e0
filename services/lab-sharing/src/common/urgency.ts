/** How soon an order must be reported: the worklist serves emergency first, then urgent, then routine. */
export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Lower comes first on a worklist. */
export function urgencyRank(urgency: Urgency): number {
  switch (urgency) {
    case 'emergency':
      return 0;
    case 'urgent':
      return 1;
    case 'routine':
      return 2;
  }
}
