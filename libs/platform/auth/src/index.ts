export { AuthError, AuthErrorCode } from './auth-error';
export {
  claimsInstitutionAndGroup,
  groupClaimRefusal,
  InstitutionDirectory,
  type InstitutionStanding,
} from './group-claim';
export { type Identity, type Role, ROLES } from './identity';
export { CLAIMS, claimsFromIdentity, identityFromClaims } from './token-claims';
export { TokenIssuer } from './token-issuer';
export {
  TOKEN_ALGORITHM,
  TokenVerifier,
  type TokenVerifierOptions,
  type VerifiedToken,
} from './token-verifier';
