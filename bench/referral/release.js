// Gives back the slots a referral end-to-end run holds: each open benchmark referral is cancelled by its
// referring site (CancelReferral), and scheduling releases its slot when it consumes the cancellation, so the demo
// city's reserved slots and the sessions the benchmark added are free for the next run. Run by
// scripts/bench-referral.sh after its checks (never during the timed part); by hand:
//
//   BENCH_RELEASE=$PWD/.bench/referral/release.json .cache/go-bin/k6 run bench/referral/release.js
//
// The release file (written by the runner from referral's database) names referral's address, a run id for the
// client request ids, the referrals ({id, site}) and a token per site.
import grpc from 'k6/net/grpc';
import {
  describeFailure,
  inParallel,
  PROTO_DIR,
  readJsonFromEnv,
  runUuid,
} from '../scheduling/lib/common.js';
import { REFERRAL_ID_KIND } from './lib/shape.js';

const release = readJsonFromEnv('BENCH_RELEASE');
const client = new grpc.Client();
client.load([PROTO_DIR], 'medgrid/referral/v1/referral_service.proto', 'google/rpc/error_details.proto');

export const options = {
  scenarios: { release: { executor: 'shared-iterations', vus: 1, iterations: 1 } },
  setupTimeout: '15m',
};

export async function setup() {
  client.connect(release.referral, { plaintext: true, timeout: '10s' });
  const failures = [];
  const answers = await inParallel(release.referrals.length, 8, async (i) => {
    const { id, site } = release.referrals[i];
    const response = await client.asyncInvoke(
      'medgrid.referral.v1.ReferralService/CancelReferral',
      {
        clientRequestId: runUuid(release.runId, REFERRAL_ID_KIND.cancel, i),
        id,
        reason: '压测结束，释放预留号源（转诊端到端压测）',
      },
      { metadata: { authorization: `Bearer ${release.tokens[site]}` }, timeout: '30s' },
    );
    if (response.status === grpc.StatusOK) return true;
    if (failures.length < 5) failures.push(`${id}: ${describeFailure(grpc, response)}`);
    return false;
  });
  const cancelled = answers.filter(Boolean).length;
  return { asked: answers.length, cancelled, failed: answers.length - cancelled, failures };
}

export default function () {
  // All the work is in setup().
}

export function handleSummary(data) {
  const r = data.setup_data;
  if (!r) return { stdout: 'release: setup did not finish\n' };
  const lines = [
    `release: ${r.cancelled} of ${r.asked} referrals cancelled, ${r.failed} refused`,
    ...r.failures,
  ];
  return { stdout: `${lines.join('\n  ')}\n` };
}
