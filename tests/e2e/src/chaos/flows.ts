import { type Client, type ServiceError, status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { type referralServiceV1, referralV1, schedulingModelV1 } from '@medgrid/contracts';
import { unary, type UnaryMethod } from '../grpc-call';
import { aFreshResidentId } from '../scheduling-fixtures';
import { type SeededRandom } from '../fuzz/seeded-random';
import { type ChaosCity } from './chaos-city';
import { claimsSettled } from './claims-flow';
import { labOrder } from './lab-order-flow';
import { prescriptionChecks } from './prescription-flow';
import { type PaymentGroup } from './side-fixture';

const { ReferralStatus: S } = referralV1;
const { BookingStatus: B } = schedulingModelV1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What a caller that cannot tell a crash from a slow answer does: the same request again, with the same client
 * request id, until it gets an answer. INTERNAL is among them because a service whose database just went away may
 * answer it; how often each came back is counted, so the report shows what callers saw during the faults.
 */
const RETRIED = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.INTERNAL,
  status.UNKNOWN,
  status.CANCELLED,
  status.ABORTED,
  status.RESOURCE_EXHAUSTED,
]);

export type FlowKind =
  | 'upward-referral'
  | 'upward-and-downward'
  | 'booking'
  | 'booking-cancelled'
  | 'lab-order'
  | 'prescription-checks'
  | 'claims-settled';

/** The flows whose patients are contracted residents the run registers before its load (referrals). */
export const REFERRAL_KINDS: readonly FlowKind[] = ['upward-referral', 'upward-and-downward'];

/** One flow of a run: what it is, the ids the checks look for, and where it ended. */
export interface Flow {
  readonly kind: FlowKind;
  readonly index: number;
  readonly requestIds: Record<string, string>;
  /** How many checks a prescription flow sends, or claims a claims flow submits (2 to 4, from the seed). */
  readonly size: number;
  referralId?: string;
  downwardId?: string;
  /** A downward referral's: pharmacy's continuity assessment was seen attached to it. */
  continuity?: boolean;
  bookingId?: string;
  patient?: string;
  /** Lab: the order, its report, the result the result registry holds for it, and the look-up that reused it. */
  orderId?: string;
  reportId?: string;
  resultId?: string;
  lookupId?: string;
  /** Prescription checks: how many were answered, and how many calls were sent for them (a retry is a call). */
  checksAnswered?: number;
  checkCalls?: number;
  /** Claims: the month settled, the residents and claims, and the settlement run. */
  month?: string;
  residents?: string[];
  claimNumbers?: string[];
  claimIds?: string[];
  runId?: string;
  /**
   * The final state it reached ('COMPLETED', 'CLOSED', 'BOOKED', 'CANCELLED', 'WAITLISTED', 'REUSED', the checks'
   * outcome, 'SETTLED'), or undefined.
   */
  outcome?: string;
  failure?: string;
  finishedAt?: number;
}

/** What every flow of a run shares: the city, the run's session and residents, when to give up, the tallies. */
export class FlowContext {
  /** Retried answers by status name (what callers saw while something was down). */
  readonly retried: Record<string, number> = {};
  /** What the INTERNAL and UNKNOWN answers said (the first few), to find them in the services' logs. */
  readonly unexpected: string[] = [];
  /** No flow retries past this moment; set once the last fault's process is back. */
  giveUpAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly city: ChaosCity,
    readonly sessionId: string,
    private readonly residents: string[],
    /** The run's own group for the claims flows, and the month each of them settles (by flow index). */
    readonly payment: PaymentGroup,
    readonly months: ReadonlyMap<number, string>,
  ) {}

  nextResident(): string {
    const resident = this.residents.shift();
    if (!resident) throw new Error('the run ran out of contracted residents');
    return resident;
  }

  /**
   * A unary call retried on what a crash looks like; any other refusal fails the flow. `metadata` goes with every
   * attempt (a read's x-purpose), and `calls` counts the attempts sent.
   */
  async call<Req, Res>(
    client: Client,
    method: UnaryMethod<Req, Res>,
    request: Req,
    identity: Identity,
    { metadata = {}, calls }: { metadata?: Record<string, string>; calls?: { count: number } } = {},
  ): Promise<Res> {
    for (;;) {
      try {
        if (calls) calls.count++;
        const token = await this.city.h.registry.auth.token(identity);
        return await unary(client, method, request, token, metadata);
      } catch (error) {
        const code = (error as ServiceError).code;
        if (!RETRIED.has(code) || Date.now() > this.giveUpAt) throw error;
        this.retried[status[code]] = (this.retried[status[code]] ?? 0) + 1;
        if ((code === status.INTERNAL || code === status.UNKNOWN) && this.unexpected.length < 5)
          this.unexpected.push(
            `${status[code]} at ${new Date().toISOString()}: ${(error as ServiceError).details}`,
          );
        await sleep(200);
      }
    }
  }

  /** Polls until the referral satisfies the probe, through outages, until the run gives up. */
  async waitForReferral(
    id: string,
    identity: Identity,
    ready: (referral: referralV1.Referral) => boolean,
  ): Promise<referralV1.Referral> {
    const h = this.city.h;
    for (;;) {
      const { referral } = await this.call(h.referrals, h.referrals.getReferral, { id }, identity);
      if (referral && ready(referral)) return referral;
      if (Date.now() > this.giveUpAt) throw new Error(`referral ${id} stayed ${S[referral?.status ?? 0]}`);
      await sleep(200);
    }
  }
}

/**
 * The flows a run draws from, with their weights: referrals most (the saga's paths, the downward ones through
 * pharmacy's continuity assessment), then lab orders, bookings, prescription checks and claims.
 */
const WEIGHTS: readonly (readonly [FlowKind, number])[] = [
  ['upward-referral', 0.28],
  ['upward-and-downward', 0.18],
  ['booking', 0.12],
  ['booking-cancelled', 0.08],
  ['lab-order', 0.14],
  ['prescription-checks', 0.1],
  ['claims-settled', 0.1],
];

export function drawFlow(random: SeededRandom, index: number): Flow {
  let roll = random.next();
  const [kind] = WEIGHTS.find(([, weight]) => (roll -= weight) < 0) ?? WEIGHTS[WEIGHTS.length - 1]!;
  const size = random.int(2, 4);
  const ids = [
    'create',
    'accept',
    'arrive',
    'complete',
    'issue',
    'acknowledge',
    'follow-up',
    'close',
    'book',
    'cancel',
    'clinician',
    'order',
    'exam',
    'take-report',
    'draft',
    'sign',
    'look-up',
    'reuse',
    'coverage',
    'claims',
    'budget',
    'settle',
  ];
  // The request ids come from the seed too, so a replay sends the same requests.
  const requestIds = Object.fromEntries(ids.map((name) => [name, seededUuid(random)]));
  return { kind, index, requestIds, size };
}

const RUNNERS: Record<FlowKind, (flow: Flow, ctx: FlowContext) => Promise<void>> = {
  'upward-referral': referral,
  'upward-and-downward': referral,
  booking,
  'booking-cancelled': booking,
  'lab-order': labOrder,
  'prescription-checks': prescriptionChecks,
  'claims-settled': claimsSettled,
};

export async function runFlow(flow: Flow, ctx: FlowContext): Promise<void> {
  try {
    await RUNNERS[flow.kind](flow, ctx);
    flow.finishedAt = Date.now();
  } catch (error) {
    const e = error as ServiceError;
    flow.failure = e.code !== undefined ? `${status[e.code]}: ${e.details}` : String(e.message ?? e);
  }
}

/**
 * Submit → accept → slot held by scheduling over Kafka → arrived → completed, and maybe back down: issued →
 * acknowledged → followed up → closed, pharmacy's continuity assessment of its medication list (pharmacy reads the
 * issue from referral's topic, referral reads the assessment from pharmacy's) attached to it meanwhile.
 */
async function referral(flow: Flow, ctx: FlowContext): Promise<void> {
  const { h, group } = ctx.city;
  const r = flow.requestIds;
  const step = (name: string, id: string, note = '') => ({ clientRequestId: r[name]!, id, note });
  flow.patient = ctx.nextResident();
  const { referral } = await ctx.call(
    h.referrals,
    h.referrals.createReferral,
    h.upward(group, flow.patient, { clientRequestId: r.create! }),
    group.centre,
  );
  flow.referralId = referral!.id;
  await ctx.call(h.referrals, h.referrals.acceptReferral, step('accept', flow.referralId), group.manager);
  const held = await ctx.waitForReferral(
    flow.referralId,
    group.centre,
    (x) => x.status === S.REFERRAL_STATUS_SCHEDULED || x.slot?.waitlisted === true,
  );
  if (held.status !== S.REFERRAL_STATUS_SCHEDULED) {
    flow.outcome = 'WAITLISTED';
    return;
  }
  await ctx.call(h.referrals, h.referrals.recordArrival, step('arrive', flow.referralId), group.manager);
  const { referral: done } = await ctx.call(
    h.referrals,
    h.referrals.recordCompletion,
    step('complete', flow.referralId, 'medication adjusted'),
    group.manager,
  );
  flow.outcome = S[done!.status].replace('REFERRAL_STATUS_', '');
  if (flow.kind !== 'upward-and-downward') return;

  const request: referralServiceV1.IssueDownwardReferralRequest = {
    clientRequestId: r.issue!,
    patientResidentId: flow.patient,
    referringInstitutionId: group.hospitalId,
    receivingInstitutionId: '',
    icd10Code: 'I10',
    reason: 'BP controlled on amlodipine',
    metCriteriaCodes: [],
    justification: '血压已稳定两周，可回社区随访管理',
    treatmentPlan: {
      diagnosisCodes: ['I10'],
      medications: [
        {
          name: '氨氯地平',
          drugCode: ctx.city.fixture.amlodipineCode,
          dose: '5 mg',
          frequency: 'qd',
          days: 28,
        },
      ],
      followUps: [{ dueDate: '2027-01-07', item: 'blood pressure' }],
      warningSigns: ['BP ≥180/110'],
      notes: '',
    },
    results: [],
    upwardReferralId: flow.referralId,
  };
  const { referral: down } = await ctx.call(
    h.referrals,
    h.referrals.issueDownwardReferral,
    request,
    group.manager,
  );
  flow.downwardId = down!.id;
  await ctx.call(h.referrals, h.referrals.acknowledgeReferral, step('acknowledge', down!.id), group.centre);
  await ctx.call(
    h.referrals,
    h.referrals.recordFollowUp,
    { clientRequestId: r['follow-up']!, id: down!.id, findings: 'BP 132/84' },
    group.centre,
  );
  const { referral: closed } = await ctx.call(
    h.referrals,
    h.referrals.closeReferral,
    step('close', down!.id),
    group.centre,
  );
  await ctx.waitForReferral(down!.id, group.centre, (x) => x.continuity !== undefined);
  flow.continuity = true;
  flow.outcome = S[closed!.status].replace('REFERRAL_STATUS_', '');
}

/** A public slot booked by the centre for a walk-in patient, and maybe cancelled. */
async function booking(flow: Flow, ctx: FlowContext): Promise<void> {
  const { h, group } = ctx.city;
  flow.patient = aFreshResidentId();
  const claim = {
    clientRequestId: flow.requestIds.book!,
    sessionId: ctx.sessionId,
    patientResidentId: flow.patient,
    pool: schedulingModelV1.Pool.POOL_PUBLIC,
    referralId: '',
  };
  const { booking: booked } = await ctx.call(h.booking, h.booking.bookSlot, { claim }, group.centre);
  flow.bookingId = booked!.id;
  flow.outcome = B[booked!.status].replace('BOOKING_STATUS_', '');
  if (flow.kind !== 'booking-cancelled') return;
  const request = { clientRequestId: flow.requestIds.cancel!, bookingId: booked!.id, reason: '患者取消' };
  const { booking: cancelled } = await ctx.call(h.booking, h.booking.cancelBooking, request, group.centre);
  flow.outcome = B[cancelled!.status].replace('BOOKING_STATUS_', '');
}

/** A version-7-shaped UUID drawn from the seed (the time part too), so a replayed run sends the same ids. */
function seededUuid(random: SeededRandom): string {
  const hex = [...random.bytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
