/** Test users and sign-in against the lab's user pool (local cloud or AWS). */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';

export function cognitoClient(endpoint?: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: process.env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** A password the pool's policy accepts (12+ characters, upper, lower, digit, symbol). */
export const newPassword = () => `Lake-${randomBytes(9).toString('base64url')}-7a`;

/** Creates a confirmed user with a permanent password (no e-mail is sent: self sign-up is off). */
export async function createUser(client: CognitoIdentityProviderClient, userPoolId: string, username: string, password: string): Promise<void> {
  await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: username, MessageAction: 'SUPPRESS' }));
  await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
}

export interface Tokens {
  accessToken: string;
  idToken: string;
  expiresAt: string;
}

/** USER_PASSWORD_AUTH sign-in; the access token is what the API's authorizer checks. */
export async function signIn(client: CognitoIdentityProviderClient, clientId: string, username: string, password: string): Promise<Tokens> {
  const answer = await client.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
  const result = answer.AuthenticationResult;
  if (!result?.AccessToken || !result.IdToken) throw new Error(`Sign-in of ${username} returned no tokens (challenge ${answer.ChallengeName ?? 'none'})`);
  return { accessToken: result.AccessToken, idToken: result.IdToken, expiresAt: new Date(Date.now() + (result.ExpiresIn ?? 3600) * 1000).toISOString() };
}

/** The `sub` claim of a token (not verified: the API's authorizer does that). */
export function subOf(token: string): string {
  return String(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).sub);
}
