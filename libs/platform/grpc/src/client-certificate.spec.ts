import { type PeerCertificate } from 'node:tls';
import { AppError } from '@medgrid/errors';
import { anIdentity } from '@medgrid/testing';
import { admitCertificate, certificateHolder } from './client-certificate';

const certificate = (subjectaltname: string | undefined) =>
  ({ subject: { CN: 'a partner' }, subjectaltname }) as unknown as PeerCertificate;
const INSTITUTION = '0193a000-0000-7000-8000-000000000001';
/** The code of the permission-denied AppError an attempt throws. */
const codeOf = (attempt: () => void) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof AppError && error.category === 'permission-denied') return error.code;
    throw error;
  }
  throw new Error('admitted');
};

describe(certificateHolder.name, () => {
  it('reads the institution or the platform component from the subjectAltName URIs', () => {
    expect(
      certificateHolder(certificate(`DNS:his.example, URI:urn:medgrid:institution:${INSTITUTION}`)),
    ).toEqual({
      kind: 'institution',
      institutionId: INSTITUTION,
    });
    expect(certificateHolder(certificate('URI:urn:medgrid:platform:gateway'))).toEqual({
      kind: 'platform',
      component: 'gateway',
    });
  });

  it('knows no holder in a certificate without those URIs, or without a certificate', () => {
    expect(certificateHolder(certificate('DNS:his.example'))).toEqual({
      kind: 'unknown',
      subject: 'a partner',
    });
    expect(certificateHolder(undefined)).toEqual({ kind: 'unknown', subject: '(no certificate)' });
  });
});

describe(admitCertificate.name, () => {
  it("admits a token acting for the certificate's institution, and any token on a platform certificate", () => {
    expect(() =>
      admitCertificate(
        { kind: 'institution', institutionId: INSTITUTION },
        anIdentity({ institutionId: INSTITUTION }),
      ),
    ).not.toThrow();
    expect(() => admitCertificate({ kind: 'platform', component: 'gateway' }, anIdentity())).not.toThrow();
  });

  it('refuses another institution, no institution, and a certificate of no known holder', () => {
    const holder = { kind: 'institution', institutionId: INSTITUTION } as const;
    expect(codeOf(() => admitCertificate(holder, anIdentity()))).toBe('CERTIFICATE_INSTITUTION_MISMATCH');
    expect(() =>
      admitCertificate(holder, anIdentity({ institutionId: null, role: 'city-operator' })),
    ).toThrow(/acts for no institution/);
    expect(codeOf(() => admitCertificate({ kind: 'unknown', subject: 'x' }, anIdentity()))).toBe(
      'CERTIFICATE_HOLDER_UNKNOWN',
    );
  });
});
