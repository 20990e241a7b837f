import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, ConfirmSignUpCommand,
  CreateUserPoolClientCommand, CreateUserPoolCommand, GetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { COGNITO_REGISTRY_KEY, type CognitoInternalApi } from './api.ts';

let cloud: LocalCloud;
let idp: CognitoIdentityProviderClient;
let poolId: string;
let clientId: string;

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  cloud = await startLocalCloud({ port: 0 });
  idp = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' } });
  poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'students', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] }))).UserPool!.Id!;
  clientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
});
afterAll(async () => {
  idp.destroy();
  await cloud.stop();
});

describe('Cognito user pools', () => {
  it('signs up, refuses sign-in until confirmed, confirms with the code and issues tokens with AWS claims', async () => {
    const signUp = await idp.send(new SignUpCommand({ ClientId: clientId, Username: 'ada@example.org', Password: 'Passw0rd!', UserAttributes: [{ Name: 'name', Value: 'Ada' }] }));
    expect(signUp.UserConfirmed).toBe(false);
    const login = () => idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ada@example.org', PASSWORD: 'Passw0rd!' } }));
    await expect(login()).rejects.toMatchObject({ name: 'UserNotConfirmedException' });
    await expect(idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'ada@example.org', ConfirmationCode: '000000x' }))).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const code = (cloud.context.registry.get(COGNITO_REGISTRY_KEY) as CognitoInternalApi).confirmationCode(poolId, 'ada@example.org')!;
    const viaHttp = await (await fetch(`${cloud.endpoint}/_aws/cognito/confirmation-code?UserPoolId=${poolId}&Username=ada@example.org`)).json();
    expect(viaHttp).toEqual({ code });
    await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'ada@example.org', ConfirmationCode: code }));

    const tokens = (await login()).AuthenticationResult!;
    expect(tokens).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    const id = claimsOf(tokens.IdToken!);
    const access = claimsOf(tokens.AccessToken!);
    expect(id).toMatchObject({ sub: signUp.UserSub, iss: `${cloud.endpoint}/${poolId}`, aud: clientId, token_use: 'id', email: 'ada@example.org', email_verified: true, name: 'Ada' });
    expect(id['cognito:username']).toEqual(expect.any(String));
    expect(access).toMatchObject({ sub: signUp.UserSub, client_id: clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: id['cognito:username'] });
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(access.auth_time).toBe(access.iat);

    const me = await idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'ada@example.org' }]));

    const refreshed = await idp.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }));
    expect(claimsOf(refreshed.AuthenticationResult!.IdToken!).sub).toBe(signUp.UserSub);
    expect(refreshed.AuthenticationResult!.RefreshToken).toBeUndefined();
  });

  it('issues tokens that aws-jwt-verify accepts for the local issuer and JWKS', async () => {
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob@example.org', MessageAction: 'SUPPRESS' }));
    const login = () => idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'bob@example.org', PASSWORD: 'Secr3t!pass' } }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob@example.org', Password: 'Secr3t!pass', Permanent: false }));
    const challenge = await login();
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'bob@example.org', NEW_PASSWORD: 'N3w!password' } }));
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bob@example.org', Password: 'Secr3t!pass', Permanent: true }));
    const tokens = (await login()).AuthenticationResult!;

    const issuer = `${cloud.endpoint}/${poolId}`;
    // aws-jwt-verify fetches over https only; the local issuer is plain http, so hand it a fetch-based fetcher.
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } });
    const verifier = JwtRsaVerifier.create({ issuer, audience: clientId, jwksUri: `${issuer}/.well-known/jwks.json` }, { jwksCache });
    const payload = await verifier.verify(tokens.IdToken!);
    expect(payload.token_use).toBe('id');
    const accessVerifier = JwtRsaVerifier.create({ issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json`, customJwtCheck: ({ payload: p }) => {
      if (p.client_id !== clientId) throw new Error('wrong client');
    } }, { jwksCache });
    await expect(accessVerifier.verify(tokens.AccessToken!)).resolves.toMatchObject({ token_use: 'access' });
    const tampered = `${tokens.IdToken!.slice(0, -4)}AAAA`;
    await expect(verifier.verify(tampered)).rejects.toThrow();
    await expect(idp.send(new GetUserCommand({ AccessToken: tampered }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('answers bad input with Cognito exceptions', async () => {
    await expect(idp.send(new SignUpCommand({ ClientId: clientId, Username: 'weak@example.org', Password: 'short' }))).rejects.toMatchObject({ name: 'InvalidPasswordException' });
    await expect(idp.send(new SignUpCommand({ ClientId: clientId, Username: 'ada@example.org', Password: 'Passw0rd!' }))).rejects.toMatchObject({ name: 'UsernameExistsException' });
    await expect(idp.send(new SignUpCommand({ ClientId: 'nope', Username: 'x@example.org', Password: 'Passw0rd!' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ada@example.org', PASSWORD: 'wrong' } })))
      .rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    await expect(idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: {} }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect((await fetch(`${cloud.endpoint}/eu-central-1_missing/.well-known/jwks.json`)).status).toBe(404);
    // Without ExplicitAuthFlows a client allows SRP, refresh and custom auth only, as on AWS.
    const srpOnly = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'default-flows' }))).UserPoolClient!.ClientId!;
    await expect(idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: srpOnly, AuthParameters: { USERNAME: 'ada@example.org', PASSWORD: 'Passw0rd!' } })))
      .rejects.toMatchObject({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
  });
});
