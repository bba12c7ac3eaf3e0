import {
  Client,
  credentials,
  Metadata,
  type ServiceDefinition,
  type ServiceError,
  status,
} from '@grpc/grpc-js';
import { refusal } from './grpc-call';

/** How one method answered a call: its full path, the status code and the ErrorInfo reason. */
export interface MethodAnswer {
  readonly method: string;
  readonly code: status;
  readonly reason: string | undefined;
}

/**
 * Calls every method of the given generated service definitions once, with an
 * empty request and the token, and collects how each answered: unary methods
 * and server streams alike. A rule that must hold for every call (the token's
 * group claim) is then checked over the whole API, including methods added later.
 */
export async function callEveryMethod(
  address: string,
  definitions: readonly ServiceDefinition[],
  token: string,
): Promise<MethodAnswer[]> {
  const client = new Client(address, credentials.createInsecure());
  try {
    const answers: MethodAnswer[] = [];
    for (const definition of definitions) {
      for (const method of Object.values(definition)) {
        const request: unknown = method.requestDeserialize(Buffer.alloc(0));
        const metadata = new Metadata();
        metadata.set('authorization', `Bearer ${token}`);
        const options = { deadline: new Date(Date.now() + 10_000) };
        const call = [
          method.path,
          method.requestSerialize,
          method.responseDeserialize,
          request,
          metadata,
          options,
        ] as const;
        const error = await new Promise<ServiceError | null>((resolve) => {
          if (method.responseStream) {
            const stream = client.makeServerStreamRequest(...call);
            stream.on('data', () => undefined);
            stream.on('error', (e: ServiceError) => resolve(e));
            stream.on('end', () => resolve(null));
          } else {
            client.makeUnaryRequest(...call, (e) => resolve(e));
          }
        });
        const answer = error ? refusal(error) : { code: status.OK, reason: undefined };
        answers.push({ method: method.path, code: answer.code, reason: answer.reason });
      }
    }
    return answers;
  } finally {
    client.close();
  }
}
