import { type PortalAnswer, PortalBrowser, type PortalGatewayHarness } from './portal-gateway-harness';

/** The password of the accounts the suites make: long enough for the gateway's rule, and no user's. */
export const PORTAL_PASSWORD = 'a password long enough';

/** An account a city operator makes for a group's administrator or an institution's staff (POST /api/accounts). */
export interface NewPortalAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'group-admin' | 'institution-staff';
  readonly institutionId: string;
  readonly groupId: string;
}

/** A suite's setup stops at the first answer it did not expect, saying what the gateway answered. */
function expectStatus(answer: PortalAnswer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, the gateway answered ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }
}

/** A browser of the portal signed in as the user. */
export async function signedIn(
  h: PortalGatewayHarness,
  username: string,
  password = PORTAL_PASSWORD,
): Promise<PortalBrowser> {
  const browser = new PortalBrowser(h.gatewayUrl);
  expectStatus(await browser.signIn(username, password), 200, `signing in as ${username}`);
  return browser;
}

/** A browser signed in as the city operator the gateway was started with. */
export function signedInOperator(h: PortalGatewayHarness): Promise<PortalBrowser> {
  return signedIn(h, h.operatorUsername, h.operatorPassword);
}

/** An account the signed-in operator makes, with PORTAL_PASSWORD, and a browser signed in as it. */
export async function signedInAccount(
  h: PortalGatewayHarness,
  operator: PortalBrowser,
  account: NewPortalAccount,
): Promise<PortalBrowser> {
  const made = await operator.post('/api/accounts', { ...account, password: PORTAL_PASSWORD });
  expectStatus(made, 201, `making the account ${account.username}`);
  return signedIn(h, account.username);
}
