import { type Identity } from '@medgrid/auth';
import { AppError } from '@medgrid/errors';
import { type PeerCertificate } from 'node:tls';

/** The URI a partner's client certificate names its institution by, in its subjectAltName. */
export const INSTITUTION_URI_PREFIX = 'urn:medgrid:institution:';
/** The URI a platform component's certificate names it by (the gateway, which calls for every signed-in user). */
export const PLATFORM_URI_PREFIX = 'urn:medgrid:platform:';

/** Whom a verified client certificate was issued to. */
export type CertificateHolder =
  | { kind: 'institution'; institutionId: string }
  | { kind: 'platform'; component: string }
  | { kind: 'unknown'; subject: string };

/** Reads the holder from the certificate's subjectAltName URIs (`URI:urn:medgrid:...`). */
export function certificateHolder(certificate: PeerCertificate | undefined): CertificateHolder {
  const uris = (certificate?.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('URI:'))
    .map((entry) => entry.slice('URI:'.length));
  const institution = uris.find((uri) => uri.startsWith(INSTITUTION_URI_PREFIX));
  if (institution)
    return { kind: 'institution', institutionId: institution.slice(INSTITUTION_URI_PREFIX.length) };
  const platform = uris.find((uri) => uri.startsWith(PLATFORM_URI_PREFIX));
  if (platform) return { kind: 'platform', component: platform.slice(PLATFORM_URI_PREFIX.length) };
  const name = certificate?.subject?.CN;
  return { kind: 'unknown', subject: (Array.isArray(name) ? name.join(', ') : name) ?? '(no certificate)' };
}

/**
 * With mutual TLS a call carries two credentials, and they must agree: a partner's certificate is issued to one
 * institution, and the token it presents must act for that institution, so a stolen token is useless without the
 * institution's private key and one institution's connection cannot carry another's calls. A platform component's
 * certificate (the gateway) carries calls for whichever institution its signed-in users act for.
 */
export function admitCertificate(holder: CertificateHolder, identity: Identity): void {
  switch (holder.kind) {
    case 'platform':
      return;
    case 'institution':
      if (holder.institutionId === identity.institutionId) return;
      throw new AppError(
        'permission-denied',
        'CERTIFICATE_INSTITUTION_MISMATCH',
        `the client certificate was issued to institution ${holder.institutionId}; the token acts for ${identity.institutionId ?? 'no institution'}`,
      );
    case 'unknown':
      throw new AppError(
        'permission-denied',
        'CERTIFICATE_HOLDER_UNKNOWN',
        `the client certificate (${holder.subject}) names neither an institution (${INSTITUTION_URI_PREFIX}<id>) nor a platform component (${PLATFORM_URI_PREFIX}<name>) in its subjectAltName`,
      );
  }
}
