/** A deployed user pool issues tokens that the deployed HTTP API's JWT authorizer accepts (Cognito issuer as in CDK). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startLocalCloud, type LocalCloud } from '../core/server.ts';
import { deployAssembly } from './client.ts';

let cloud: LocalCloud;
let tmp: string;

const template = {
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] } },
    Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], AccessTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes' } } },
    Fn: {
      Type: 'AWS::Lambda::Function',
      Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 15, Role: 'arn:aws:iam::000000000000:role/none', Code: { ZipFile: 'exports.handler = async (e) => ({ email: e.requestContext.authorizer.jwt.claims.email });' } },
    },
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'secured', ProtocolType: 'HTTP' } },
    Auth: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: { Ref: 'Api' }, AuthorizerType: 'JWT', Name: 'cognito', IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: 'Client' }], Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'Pool' }]] } },
      },
    },
    Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': ['Fn', 'Arn'] }, PayloadFormatVersion: '2.0' } },
    Route: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: 'Api' }, RouteKey: 'GET /me', AuthorizationType: 'JWT', AuthorizerId: { Ref: 'Auth' }, Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'Integration' }]] } } },
    Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true } },
  },
  Outputs: {
    ApiUrl: { Value: { 'Fn::Join': ['', ['https://', { Ref: 'Api' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/']] } },
    PoolId: { Value: { Ref: 'Pool' } },
    ClientId: { Value: { Ref: 'Client' } },
    ProviderUrl: { Value: { 'Fn::GetAtt': ['Pool', 'ProviderURL'] } },
  },
};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deployer-auth-'));
  fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify({ artifacts: { Auth: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Auth.template.json' } } } }));
  fs.writeFileSync(path.join(tmp, 'Auth.template.json'), JSON.stringify(template));
  cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'data') });
});
afterAll(async () => {
  await cloud.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Cognito user pool + HTTP API JWT authorizer from a template', () => {
  it('accepts the pool’s ID token and refuses requests without one', async () => {
    const { outputs } = (await deployAssembly(cloud.endpoint, { assembly: tmp })).stacks[0]!;
    expect(outputs.ApiUrl).toMatch(new RegExp(`^${cloud.endpoint}/_aws/execute-api/[a-z0-9]+/$`));
    expect(outputs.ProviderUrl).toBe(`https://cognito-idp.eu-central-1.amazonaws.com/${outputs.PoolId}`);

    const idp = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'AKIASTUDENT', secretAccessKey: 'x' } });
    await idp.send(new AdminCreateUserCommand({ UserPoolId: outputs.PoolId, Username: 'ada@example.org', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: outputs.PoolId, Username: 'ada@example.org', Password: 'Passw0rd!', Permanent: true }));
    const { AuthenticationResult } = await idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: outputs.ClientId, AuthParameters: { USERNAME: 'ada@example.org', PASSWORD: 'Passw0rd!' } }));
    expect(AuthenticationResult!.ExpiresIn).toBe(1800);
    idp.destroy();

    const me = await fetch(new URL('me', outputs.ApiUrl), { headers: { authorization: `Bearer ${AuthenticationResult!.IdToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ email: 'ada@example.org' });
    const anonymous = await fetch(new URL('me', outputs.ApiUrl));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: 'Unauthorized' });
  });
});
