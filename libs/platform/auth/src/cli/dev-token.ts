// `scripts/dev-token.sh --role primary-staff --institution <uuid> --group <uuid>`:
// prints a token from the local development issuer, for grpcurl and manual tests.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Role, ROLES } from '../identity';
import { TokenIssuer } from '../token-issuer';

const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    role: { type: 'string', default: 'primary-staff' },
    institution: { type: 'string' },
    group: { type: 'string' },
    practitioner: { type: 'string' },
    subject: { type: 'string', default: 'dev-user' },
    issuer: { type: 'string', default: 'medgrid-dev-issuer' },
    audience: { type: 'string', default: 'medgrid' },
    ttl: { type: 'string', default: '3600' },
  },
});

async function main(): Promise<void> {
  if (!values.key) throw new Error('--key <private key PEM file> is required');
  if (!(ROLES as readonly string[]).includes(values.role))
    throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const issuer = await TokenIssuer.fromPrivateKeyPem(
    readFileSync(values.key, 'utf8'),
    values.issuer,
    values.audience,
  );
  const token = await issuer.sign(
    {
      subject: values.subject,
      role: values.role as Role,
      institutionId: values.institution ?? null,
      groupId: values.group ?? null,
      practitionerId: values.practitioner ?? null,
    },
    Number(values.ttl),
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dev-token: ${String(error)}\n`);
  process.exit(2);
});
