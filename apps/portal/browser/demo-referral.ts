import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/**
 * A referral of the demo city made for the browser test through referral's own gRPC API, as a
 * primary centre's staff would (scripts/dev-token.sh and scripts/grpcurl.sh), then accepted by
 * the hospital while the page watches. The demo city has no referral until someone makes one.
 */
export interface DemoReferral {
  id: string;
  hospitalId: string;
  groupId: string;
  gridId: string;
}

interface Institution {
  id: string;
  level?: string;
  groupId?: string;
  gridId?: string;
}

const REGISTRY = process.env.MEDGRID_REGISTRY_GRPC ?? '127.0.0.1:50060';
const REFERRAL = process.env.MEDGRID_REFERRAL_GRPC ?? '127.0.0.1:50061';

export function createDemoReferral(repositoryRoot: string): DemoReferral {
  const tools = new GrpcTools(repositoryRoot);
  const operator = tools.token('--role', 'city-operator');
  const { institutions = [] } = tools.call<{ institutions?: Institution[] }>(
    operator,
    REGISTRY,
    'medgrid.registry.v1.OrganisationService/SearchInstitutions',
    { pageSize: 200 },
  );
  const hospital = institutions.find((i) => i.level === 'INSTITUTION_LEVEL_TERTIARY' && i.groupId);
  const centre = institutions.find(
    (i) => i.level === 'INSTITUTION_LEVEL_PRIMARY' && i.groupId === hospital?.groupId,
  );
  if (!hospital?.groupId || !centre)
    throw new Error('the demo city has no group with a hospital and a centre');
  const { residents = [] } = tools.call<{ residents?: { residentIdNumber: string }[] }>(
    operator,
    REGISTRY,
    'medgrid.registry.v1.ResidentService/SearchResidents',
    { gridId: hospital.gridId, pageSize: 100 },
  );
  const resident = residents[Math.floor(Math.random() * residents.length)];
  if (!resident) throw new Error('the demo grid has no resident');
  const clinic = tools.token(
    '--role',
    'primary-staff',
    '--institution',
    centre.id,
    '--group',
    hospital.groupId,
  );
  const { referral } = tools.call<{ referral: { id: string } }>(
    clinic,
    REFERRAL,
    'medgrid.referral.v1.ReferralService/CreateReferral',
    {
      clientRequestId: randomUUID(),
      patientResidentId: resident.residentIdNumber,
      referringInstitutionId: centre.id,
      receivingInstitutionId: hospital.id,
      direction: 'REFERRAL_DIRECTION_UPWARD',
      icd10Code: 'I10',
      reason: '血压控制不佳，需上级医院调整治疗方案（门户浏览器测试）',
      indicationCodes: ['HTN_SEVERE'],
    },
  );
  return {
    id: referral.id,
    hospitalId: hospital.id,
    groupId: hospital.groupId,
    gridId: hospital.gridId ?? '',
  };
}

/** The receiving hospital accepts the referral (referral's AcceptReferral), as its staff. */
export function acceptDemoReferral(repositoryRoot: string, referral: DemoReferral): void {
  const tools = new GrpcTools(repositoryRoot);
  const staff = tools.token(
    '--role',
    'hospital-staff',
    '--institution',
    referral.hospitalId,
    '--group',
    referral.groupId,
  );
  tools.call(staff, REFERRAL, 'medgrid.referral.v1.ReferralService/AcceptReferral', {
    clientRequestId: randomUUID(),
    id: referral.id,
    note: '同意接收（门户浏览器测试）',
  });
}

class GrpcTools {
  constructor(private readonly root: string) {}

  token(...args: string[]): string {
    return this.run('scripts/dev-token.sh', args).trim();
  }

  call<T>(token: string, address: string, method: string, body: object): T {
    const out = this.run('scripts/grpcurl.sh', [
      '-plaintext',
      '-H',
      `authorization: Bearer ${token}`,
      '-d',
      JSON.stringify(body),
      address,
      method,
    ]);
    return JSON.parse(out) as T;
  }

  private run(script: string, args: string[]): string {
    return execFileSync('bash', [script, ...args], {
      cwd: this.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
}
