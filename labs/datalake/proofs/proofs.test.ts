/**
 * Proofs for chapter 7's quiz: each test observes a behaviour (tokens of the local cloud's user pool checked against
 * its JWKS, the datalake's name validation, concurrent reads during a write) and compares the observation with the
 * keyed answer. Changing a key (or the behaviour) makes the proof fail. The local cloud binds to 127.0.0.1 on an
 * ephemeral port; files go to a temporary directory; everything stops and is removed by itself.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateUserPoolClientCommand, CreateUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { JwtExpiredError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quiz from '../../../docs/quizzes/07-storage.ts';
import { expectKeyed } from '../../../docs/quizzes/proof.ts';
import { manualClock, startLocalCloud, type LocalCloud, type ManualClock } from '../../localcloud/index.ts';
import { cognitoClient, createUser, newPassword, signIn } from '../cli/cognito.ts';
import { writeFileAtomically } from '../lake/atomic.ts';
import { LakeError } from '../lake/errors.ts';
import { paths } from '../solution/paths.ts';

let cloud: LocalCloud;
let clock: ManualClock;
let cognito: CognitoIdentityProviderClient;
let scratch: string;

beforeAll(async () => {
  process.env.LOCALCLOUD_QUIET = '1';
  clock = manualClock(Date.now());
  cloud = await startLocalCloud({ port: 0, clock });
  cognito = cognitoClient(cloud.endpoint);
  scratch = await mkdtemp(path.join(tmpdir(), 'ch7-proofs-'));
});
afterAll(async () => {
  cognito?.destroy();
  await cloud?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/** The real token's header and claims, signed with a key the user pool never saw. */
function forgedFrom(real: string): string {
  const [header, payload] = real.split('.');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return `${header}.${payload}.${sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`;
}

describe('token validation', () => {
  it('forged, tampered, expired and foreign-client tokens are refused', async () => {
    const poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'lake-proofs' }))).UserPool!.Id!;
    const newClient = async (name: string) =>
      (await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: name, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })))
        .UserPoolClient!.ClientId!;
    const lakeClient = await newClient('lake');
    const otherClient = await newClient('other-app');
    const password = newPassword();
    await createUser(cognito, poolId, 'ada', password);

    const valid = (await signIn(cognito, lakeClient, 'ada', password)).accessToken;
    const foreign = (await signIn(cognito, otherClient, 'ada', password)).accessToken;
    // Sign in "two hours ago" on the cloud's clock: the token was genuine, but its one hour has run out.
    clock.set(Date.now() - 2 * 3600_000);
    const expired = (await signIn(cognito, lakeClient, 'ada', password)).accessToken;
    clock.set(Date.now());
    const [header, , signature] = valid.split('.');
    const tampered = `${header}.${part({ ...claimsOf(valid), sub: '00000000-0000-0000-0000-000000000000' })}.${signature}`;

    // What the HTTP API JWT authorizer checks: signature (JWKS), issuer, expiry, audience (client_id for access tokens).
    const issuer = `${cloud.endpoint}/${poolId}`;
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } });
    const verifier = JwtRsaVerifier.create(
      {
        issuer,
        audience: null,
        jwksUri: `${issuer}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.client_id !== lakeClient) throw new Error('the token was issued to another app client');
        },
      },
      { jwksCache },
    );
    const tokens = { valid, forged: forgedFrom(valid), tampered, expired, foreign };
    const refused: string[] = [];
    let expiredFor: unknown;
    for (const [id, token] of Object.entries(tokens)) {
      try {
        await verifier.verify(token);
      } catch (error) {
        refused.push(id);
        if (id === 'expired') expiredFor = error;
      }
    }
    // The expired token is refused for its expiry, not for anything else about it.
    expect(expiredFor).toBeInstanceOf(JwtExpiredError);
    expect(claimsOf(expired).exp as number).toBeLessThan(Date.now() / 1000);
    expectKeyed(quiz, 'refused-tokens', refused);
  });
});

/** The status the lab answers for a dataset name: 200 when the name is accepted, else the LakeError's status. */
function statusFor(name: string): number {
  try {
    paths.checkDatasetName(name);
    return 200;
  } catch (error) {
    if (error instanceof LakeError) return error.status;
    throw error;
  }
}

describe('dataset names', () => {
  // The names as the function sees them after API Gateway decoded the path once.
  const candidates: Record<string, string> = {
    plain: 'sales-2026_q3.csv',
    dotdot: '../bob/secret.json',
    encoded: '%2e%2e%2fbob',
    absolute: '/etc/passwd',
    backslash: '..\\..\\boot.ini',
    nul: 'report.csv\u0000.png',
    versioned: 'sensor.v2.json',
  };

  it('only plain names are accepted', () => {
    const accepted = Object.entries(candidates).filter(([, name]) => statusFor(name) === 200).map(([id]) => id);
    expectKeyed(quiz, 'accepted-names', accepted);
  });

  it('a traversal name is rejected with 400', () => {
    const statuses = new Set(['dotdot', 'encoded', 'absolute', 'backslash', 'nul'].map((id) => statusFor(candidates[id])));
    expect(statuses.size).toBe(1);
    expectKeyed(quiz, 'traversal-status', [...statuses][0]);
  });
});

describe('atomic writes', () => {
  const SIZE = 2 * 1024 * 1024;
  const CHUNK = 64 * 1024;
  const before = Buffer.alloc(SIZE, 'a');
  const after = Buffer.alloc(SIZE, 'b');

  /** The new content in chunks, yielding to the event loop in between, as a network upload would. */
  async function* slowly(data: Buffer): AsyncIterable<Buffer> {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield data.subarray(offset, offset + CHUNK);
    }
  }

  /** Writing in place: open with truncation, then write chunk after chunk. */
  async function writeInPlace(file: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    const handle = await open(file, 'w');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
  }

  /** Replaces the file with `write` while a reader reads it again and again; counts complete and partial reads. */
  async function observe(name: string, write: (file: string, chunks: AsyncIterable<Buffer>) => Promise<void>) {
    const file = path.join(scratch, name);
    await writeFile(file, before);
    let writing = true;
    const counts = { old: 0, new: 0, partial: 0 };
    const reader = (async () => {
      while (writing) {
        const seen = await readFile(file);
        if (seen.equals(before)) counts.old++;
        else if (seen.equals(after)) counts.new++;
        else counts.partial++;
      }
    })();
    await write(file, slowly(after));
    writing = false;
    await reader;
    expect((await readFile(file)).equals(after)).toBe(true);
    return counts;
  }

  it('a reader never sees a partial write', async () => {
    // The control: writing in place is observably torn, so this reader would notice a partial file.
    const inPlace = await observe('in-place.bin', writeInPlace);
    expect(inPlace.partial).toBeGreaterThan(0);

    const atomic = await observe('atomic.bin', writeFileAtomically);
    expect(atomic.old + atomic.new).toBeGreaterThan(10);
    const observed = atomic.partial === 0 ? 'old-or-new' : 'partial';
    expectKeyed(quiz, 'reader-during-write', observed);
  });
});
