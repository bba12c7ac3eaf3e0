// The yardstick of scripts/bench-platform.sh: a bare @grpc/grpc-js server answering
// medgrid.platform.v1.PlatformService/WhoAmI with a fixed answer, and nothing else. It uses the same generated
// service definition (the same protobuf codec) and the same server options as the services, and none of the
// platform's code: no token check, no group claim, no metrics, no traces, no logs, no Nest. What a service's
// WhoAmI costs beyond this is what the platform costs per call.
//
//   BENCH_BARE_ANSWER='{"subject":"...","role":"...","institutionId":"...","groupId":"...","practitionerId":"",
//     "tokenExpiresAt":"2026-12-06T12:00:00.000Z"}' node bench/platform/bare-server.mjs <port>
//
// It answers every call, with or without a token. Prints "listening on <port>" once bound; stops on SIGTERM.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Server, ServerCredentials } = require('@grpc/grpc-js');
const {
  PlatformServiceService,
} = require('../../libs/contracts/dist/generated/medgrid/platform/v1/platform_service.pb.js');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 1) {
  console.error('usage: BENCH_BARE_ANSWER=<json> node bare-server.mjs <port>');
  process.exit(2);
}
const given = JSON.parse(process.env.BENCH_BARE_ANSWER ?? '{}');
const answer = {
  subject: given.subject ?? 'bench',
  role: given.role ?? 'partner-system',
  institutionId: given.institutionId ?? '',
  groupId: given.groupId ?? '',
  practitionerId: given.practitionerId ?? '',
  tokenExpiresAt: new Date(given.tokenExpiresAt ?? Date.now() + 3600_000),
};

// The services' GrpcServer options (libs/platform/grpc), so only the platform's own code differs.
const server = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024, 'grpc.enable_channelz': 0 });
server.addService(PlatformServiceService, {
  whoAmI: (_call, callback) => callback(null, answer),
});
server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) => {
  if (error) {
    console.error(`cannot listen on ${port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`listening on ${bound}`);
});
process.once('SIGTERM', () => server.tryShutdown(() => process.exit(0)));
process.once('SIGINT', () => server.tryShutdown(() => process.exit(0)));
