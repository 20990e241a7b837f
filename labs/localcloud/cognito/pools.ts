/**
 * User pools: users, sign-up confirmation, password checks and the tokens Cognito issues (claims as on AWS).
 * Free of HTTP; errors carry Cognito's exception names and messages.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { CreateUserPoolClientInput, CreateUserPoolInput, PasswordPolicy, UserPoolInfo } from './api.ts';
import { newSigningKey, signJwt, verifiedClaims, type SigningKey } from './tokens.ts';

export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';

interface User {
  username: string;
  sub: string;
  attributes: Map<string, string>;
  password: string;
  status: UserStatus;
  enabled: boolean;
  created: number;
  pendingCode?: string;
}

interface Client {
  clientId: string;
  name: string;
  secret?: string;
  preventUserExistenceErrors: boolean;
  /** ExplicitAuthFlows; AWS's default when none are given allows SRP, refresh and custom auth — not passwords. */
  authFlows: Set<string>;
  accessMinutes: number;
  idMinutes: number;
}

interface Pool {
  info: UserPoolInfo;
  passwordPolicy: Required<PasswordPolicy>;
  emailAsUsername: boolean;
  autoVerified: Set<string>;
  key: SigningKey;
  clients: Map<string, Client>;
  users: Map<string, User>;
}

interface RefreshGrant {
  poolId: string;
  clientId: string;
  username: string;
  expires: number;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

const DEFAULT_POLICY: Required<PasswordPolicy> = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const REFRESH_DAYS = 30;
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomText = (length: number, alphabet = ALNUM) => Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');

const notAuthorized = () => new CognitoError('NotAuthorizedException', 'Incorrect username or password.');

export class UserPools {
  private readonly pools = new Map<string, Pool>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  /** NEW_PASSWORD_REQUIRED challenges by session; valid for 3 minutes as on AWS. */
  private readonly challenges = new Map<string, RefreshGrant>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
    private readonly endpoint: () => string,
    private readonly now: () => number,
  ) {}

  createPool(input: CreateUserPoolInput): UserPoolInfo {
    const id = `${this.region}_${randomText(9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    const info: UserPoolInfo = {
      id,
      name: input.PoolName ?? id,
      arn: `arn:aws:cognito-idp:${this.region}:${this.accountId}:userpool/${id}`,
      issuer: `${this.endpoint()}/${id}`,
      providerUrl: `cognito-idp.${this.region}.amazonaws.com/${id}`,
    };
    this.pools.set(id, {
      info,
      passwordPolicy: { ...DEFAULT_POLICY, ...(input.Policies?.PasswordPolicy ?? {}) },
      emailAsUsername: (input.UsernameAttributes ?? []).includes('email'),
      autoVerified: new Set(input.AutoVerifiedAttributes ?? []),
      key: newSigningKey(),
      clients: new Map(),
      users: new Map(),
    });
    return info;
  }

  deletePool(poolId: string): void {
    this.pool(poolId);
    this.pools.delete(poolId);
  }

  poolInfo(poolId: string): UserPoolInfo {
    return this.pool(poolId).info;
  }

  signingKeys(poolId: string): SigningKey[] | undefined {
    const pool = this.pools.get(poolId);
    return pool ? [pool.key] : undefined;
  }

  createClient(poolId: string, input: CreateUserPoolClientInput): Client {
    const pool = this.pool(poolId);
    const client: Client = {
      clientId: randomText(26),
      name: input.ClientName ?? 'client',
      secret: input.GenerateSecret ? randomBytes(38).toString('base64url').toLowerCase() : undefined,
      preventUserExistenceErrors: input.PreventUserExistenceErrors === 'ENABLED',
      authFlows: new Set((input.ExplicitAuthFlows ?? ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']).map((f) => (f.startsWith('ALLOW_') ? f : `ALLOW_${f}`))),
      accessMinutes: input.AccessTokenValidity ?? 60,
      idMinutes: input.IdTokenValidity ?? 60,
    };
    pool.clients.set(client.clientId, client);
    return client;
  }

  deleteClient(poolId: string, clientId: string): void {
    this.pool(poolId).clients.delete(clientId);
  }

  signUp(input: { ClientId?: unknown; Username?: unknown; Password?: unknown; UserAttributes?: unknown; SecretHash?: unknown }) {
    const { pool, client } = this.client(input.ClientId);
    const username = this.requireString(input.Username, 'username');
    this.checkSecretHash(client, username, input.SecretHash);
    const password = this.requireString(input.Password, 'password');
    this.checkPassword(pool, password);
    const attributes = this.attributeMap(input.UserAttributes);
    if (pool.emailAsUsername) {
      if (!/^[^@\s]+@[^@\s]+$/.test(username)) throw new CognitoError('InvalidParameterException', 'Username should be an email.');
      attributes.set('email', username);
    }
    if (this.findUser(pool, username)) throw new CognitoError('UsernameExistsException', 'User already exists');
    const user = this.addUser(pool, pool.emailAsUsername ? randomUUID() : username, attributes, password, 'UNCONFIRMED');
    user.pendingCode = randomText(6, '0123456789');
    const destination = attributes.get('email');
    return {
      UserConfirmed: false,
      UserSub: user.sub,
      ...(destination ? { CodeDeliveryDetails: { Destination: destination.replace(/^(.).*@/, '$1***@'), DeliveryMedium: 'EMAIL', AttributeName: 'email' } } : {}),
    };
  }

  confirmSignUp(input: { ClientId?: unknown; Username?: unknown; ConfirmationCode?: unknown; SecretHash?: unknown }): void {
    const { pool, client } = this.client(input.ClientId);
    const username = this.requireString(input.Username, 'username');
    this.checkSecretHash(client, username, input.SecretHash);
    const user = this.findUser(pool, username);
    if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
    if (user.status !== 'UNCONFIRMED') throw new CognitoError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
    if (user.pendingCode !== input.ConfirmationCode) throw new CognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
    user.status = 'CONFIRMED';
    user.pendingCode = undefined;
    if (user.attributes.has('email') && pool.autoVerified.has('email')) user.attributes.set('email_verified', 'true');
  }

  confirmationCode(poolId: string, username: string): string | undefined {
    const pool = this.pools.get(poolId);
    return pool ? this.findUser(pool, username)?.pendingCode : undefined;
  }

  adminCreateUser(input: { UserPoolId?: unknown; Username?: unknown; UserAttributes?: unknown; TemporaryPassword?: unknown }) {
    const pool = this.pool(input.UserPoolId);
    const username = this.requireString(input.Username, 'username');
    if (this.findUser(pool, username)) throw new CognitoError('UsernameExistsException', 'User account already exists');
    const attributes = this.attributeMap(input.UserAttributes);
    if (pool.emailAsUsername) attributes.set('email', username);
    const temporary = typeof input.TemporaryPassword === 'string' ? input.TemporaryPassword : `Tmp-${randomText(10)}A1!`;
    this.checkPassword(pool, temporary);
    const user = this.addUser(pool, pool.emailAsUsername ? randomUUID() : username, attributes, temporary, 'FORCE_CHANGE_PASSWORD');
    return { User: this.describeUser(user) };
  }

  adminSetUserPassword(input: { UserPoolId?: unknown; Username?: unknown; Password?: unknown; Permanent?: unknown }): void {
    const pool = this.pool(input.UserPoolId);
    const user = this.findUser(pool, this.requireString(input.Username, 'username'));
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    const password = this.requireString(input.Password, 'password');
    this.checkPassword(pool, password);
    user.password = password;
    user.status = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  }

  initiateAuth(input: { AuthFlow?: unknown; ClientId?: unknown; AuthParameters?: unknown }) {
    const { pool, client } = this.client(input.ClientId);
    const params = (input.AuthParameters ?? {}) as Record<string, string | undefined>;
    if (input.AuthFlow === 'USER_PASSWORD_AUTH') {
      if (!client.authFlows.has('ALLOW_USER_PASSWORD_AUTH')) throw new CognitoError('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
      const username = this.requireString(params.USERNAME, 'USERNAME');
      this.checkSecretHash(client, username, params.SECRET_HASH);
      const user = this.findUser(pool, username);
      if (!user) throw client.preventUserExistenceErrors ? notAuthorized() : new CognitoError('UserNotFoundException', 'User does not exist.');
      if (!timingSafeEqualText(user.password, params.PASSWORD ?? '')) throw notAuthorized();
      if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
      if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        const session = randomBytes(32).toString('base64url');
        this.challenges.set(session, { poolId: pool.info.id, clientId: client.clientId, username: user.username, expires: this.now() + 180_000 });
        return { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]', userAttributes: '{}' } };
      }
      return { AuthenticationResult: this.issueTokens(pool, client, user, true), ChallengeParameters: {} };
    }
    if (input.AuthFlow === 'REFRESH_TOKEN_AUTH' || input.AuthFlow === 'REFRESH_TOKEN') {
      const grant = this.refreshGrants.get(params.REFRESH_TOKEN ?? '');
      if (!grant || grant.poolId !== pool.info.id || grant.clientId !== client.clientId) throw new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');
      if (grant.expires <= this.now()) throw new CognitoError('NotAuthorizedException', 'Refresh Token has expired');
      const user = pool.users.get(grant.username);
      if (!user) throw new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');
      return { AuthenticationResult: this.issueTokens(pool, client, user, false), ChallengeParameters: {} };
    }
    throw new CognitoError('InvalidParameterException', `AuthFlow ${JSON.stringify(input.AuthFlow)} is not supported locally; use USER_PASSWORD_AUTH or REFRESH_TOKEN_AUTH`);
  }

  respondToAuthChallenge(input: { ChallengeName?: unknown; ClientId?: unknown; Session?: unknown; ChallengeResponses?: unknown }) {
    const { pool, client } = this.client(input.ClientId);
    if (input.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw new CognitoError('InvalidParameterException', `ChallengeName ${JSON.stringify(input.ChallengeName)} is not supported locally; only NEW_PASSWORD_REQUIRED`);
    const challenge = this.challenges.get(String(input.Session));
    if (!challenge || challenge.clientId !== client.clientId || challenge.expires <= this.now()) throw new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    const responses = (input.ChallengeResponses ?? {}) as Record<string, string | undefined>;
    const password = this.requireString(responses.NEW_PASSWORD, 'NEW_PASSWORD');
    this.checkSecretHash(client, challenge.username, responses.SECRET_HASH);
    this.checkPassword(pool, password);
    const user = pool.users.get(challenge.username)!;
    user.password = password;
    user.status = 'CONFIRMED';
    this.challenges.delete(String(input.Session));
    return { AuthenticationResult: this.issueTokens(pool, client, user, true), ChallengeParameters: {} };
  }

  getUser(input: { AccessToken?: unknown }) {
    const token = this.requireString(input.AccessToken, 'accessToken');
    for (const pool of this.pools.values()) {
      const claims = verifiedClaims(pool.key, token);
      if (!claims) continue;
      if (claims.token_use !== 'access') throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
      if (Number(claims.exp) * 1000 <= this.now()) throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
      const user = pool.users.get(String(claims.username));
      if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
      return { Username: user.username, UserAttributes: this.describeUser(user).Attributes };
    }
    throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
  }

  private issueTokens(pool: Pool, client: Client, user: User, withRefresh: boolean): AuthenticationResult {
    const iat = Math.floor(this.now() / 1000);
    const common = { sub: user.sub, iss: pool.info.issuer, origin_jti: randomUUID(), event_id: randomUUID(), auth_time: iat, iat };
    const userClaims = Object.fromEntries([...user.attributes].filter(([k]) => k !== 'sub').map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v]));
    const idToken = signJwt(pool.key, {
      ...userClaims, ...common, 'cognito:username': user.username, aud: client.clientId, token_use: 'id', exp: iat + client.idMinutes * 60, jti: randomUUID(),
    });
    const accessToken = signJwt(pool.key, {
      ...common, client_id: client.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', exp: iat + client.accessMinutes * 60, jti: randomUUID(), username: user.username,
    });
    let refreshToken: string | undefined;
    if (withRefresh) {
      refreshToken = randomBytes(96).toString('base64url');
      this.refreshGrants.set(refreshToken, { poolId: pool.info.id, clientId: client.clientId, username: user.username, expires: this.now() + REFRESH_DAYS * 86_400_000 });
    }
    return { AccessToken: accessToken, IdToken: idToken, ...(refreshToken ? { RefreshToken: refreshToken } : {}), ExpiresIn: client.accessMinutes * 60, TokenType: 'Bearer' };
  }

  private addUser(pool: Pool, username: string, attributes: Map<string, string>, password: string, status: UserStatus): User {
    const user: User = { username, sub: attributes.get('sub') ?? randomUUID(), attributes, password, status, enabled: true, created: this.now() };
    attributes.set('sub', user.sub);
    pool.users.set(username, user);
    return user;
  }

  private describeUser(user: User) {
    return {
      Username: user.username,
      Attributes: [...user.attributes].map(([Name, Value]) => ({ Name, Value })),
      UserStatus: user.status,
      Enabled: user.enabled,
      UserCreateDate: user.created / 1000,
      UserLastModifiedDate: user.created / 1000,
    };
  }

  private findUser(pool: Pool, name: string): User | undefined {
    const direct = pool.users.get(name);
    if (direct || !pool.emailAsUsername) return direct;
    return [...pool.users.values()].find((u) => u.attributes.get('email') === name);
  }

  private pool(poolId: unknown): Pool {
    const pool = typeof poolId === 'string' ? this.pools.get(poolId) : undefined;
    if (!pool) throw new CognitoError('ResourceNotFoundException', `User pool ${String(poolId)} does not exist.`);
    return pool;
  }

  private client(clientId: unknown): { pool: Pool; client: Client } {
    for (const pool of this.pools.values()) {
      const client = typeof clientId === 'string' ? pool.clients.get(clientId) : undefined;
      if (client) return { pool, client };
    }
    throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
  }

  private checkSecretHash(client: Client, username: string, given: unknown): void {
    if (!client.secret) return;
    const expected = createHmac('sha256', client.secret).update(username + client.clientId).digest('base64');
    if (typeof given !== 'string' || !timingSafeEqualText(expected, given)) {
      throw new CognitoError('NotAuthorizedException', `Client ${client.clientId} is configured with secret but SECRET_HASH was not received or does not match`);
    }
  }

  private checkPassword(pool: Pool, password: string): void {
    const p = pool.passwordPolicy;
    const problems = [
      password.length < p.MinimumLength && `Password not long enough (minimum ${p.MinimumLength})`,
      p.RequireUppercase && !/[A-Z]/.test(password) && 'Password must have uppercase characters',
      p.RequireLowercase && !/[a-z]/.test(password) && 'Password must have lowercase characters',
      p.RequireNumbers && !/[0-9]/.test(password) && 'Password must have numeric characters',
      p.RequireSymbols && !/[^A-Za-z0-9]/.test(password) && 'Password must have symbol characters',
    ].filter(Boolean);
    if (problems.length) throw new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${problems[0]}`);
  }

  private attributeMap(value: unknown): Map<string, string> {
    const map = new Map<string, string>();
    if (value === undefined) return map;
    if (!Array.isArray(value)) throw new CognitoError('InvalidParameterException', 'UserAttributes must be a list of { Name, Value }');
    for (const entry of value as Array<{ Name?: unknown; Value?: unknown }>) {
      if (typeof entry?.Name !== 'string' || typeof entry.Value !== 'string') throw new CognitoError('InvalidParameterException', 'Every user attribute needs a Name and a string Value');
      map.set(entry.Name, entry.Value);
    }
    return map;
  }

  private requireString(value: unknown, member: string): string {
    if (typeof value !== 'string' || value.length === 0) {
      throw new CognitoError('InvalidParameterException', `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must not be null`);
    }
    return value;
  }
}

function timingSafeEqualText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
