/** Where `npm run lake` keeps the stack outputs it reads and the token it stored at login. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stackNameFor } from '../../../infra/lib/labs.ts';
import { labDir, outputsFile } from '../../kit/paths.ts';

export type LakeTarget = 'local' | 'aws';

export interface LakeOutputs {
  ApiUrl: string;
  UserPoolId: string;
  UserPoolClientId: string;
}

export function readOutputs(target: LakeTarget): LakeOutputs {
  const file = outputsFile('datalake', target);
  const how = target === 'local' ? 'npm run deploy:local -- datalake' : 'npm run deploy -- datalake';
  if (!existsSync(file)) throw new Error(`No stack outputs in ${file}. Deploy the lab first: ${how}`);
  const outputs = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Partial<LakeOutputs>>)[stackNameFor('datalake')];
  if (!outputs?.ApiUrl || !outputs.UserPoolId || !outputs.UserPoolClientId) throw new Error(`${file} lacks ApiUrl, UserPoolId or UserPoolClientId; deploy again: ${how}`);
  return outputs as LakeOutputs;
}

const tokenFile = (target: LakeTarget) => path.join(labDir('datalake'), '.outputs', `token-${target}.json`);

export interface StoredToken {
  username: string;
  accessToken: string;
  expiresAt: string;
}

export function saveToken(target: LakeTarget, token: StoredToken): string {
  const file = tokenFile(target);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(token, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export function loadToken(target: LakeTarget, now = Date.now()): StoredToken {
  const file = tokenFile(target);
  if (!existsSync(file)) throw new Error(`Not signed in. Run: npm run lake -- login --username <name>${target === 'aws' ? ' --target aws' : ''}`);
  const token = JSON.parse(readFileSync(file, 'utf8')) as StoredToken;
  if (Date.parse(token.expiresAt) <= now) throw new Error(`The token of ${token.username} expired at ${token.expiresAt}. Sign in again: npm run lake -- login`);
  return token;
}
