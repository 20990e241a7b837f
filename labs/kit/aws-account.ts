/** Who and where the student's AWS credentials point at; a clear paragraph instead of an SDK stack trace. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export const DEFAULT_REGION = 'eu-central-1';

export interface AwsAccount {
  account: string;
  arn: string;
  region: string;
}

export const regionFromEnv = () => process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;

const HOW_TO_CONFIGURE = `Configure credentials for your own AWS account first, for example:
  aws configure sso            (IAM Identity Center; then: aws sso login --profile <name>)
  export AWS_PROFILE=<name>    (so this command uses that profile)
  export AWS_REGION=eu-central-1
Then check with: aws sts get-caller-identity`;

export function explainCredentialError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (/Expired/i.test(name) || /expired/i.test(message)) {
    return `Your AWS credentials have expired (${name || 'expired token'}). Sign in again (aws sso login, or new access keys) and retry.\n\n${HOW_TO_CONFIGURE}`;
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return `No AWS credentials found. This command talks to your own AWS account.\n\n${HOW_TO_CONFIGURE}`;
  }
  if (/InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient/i.test(name)) {
    return `AWS does not accept these credentials (${name}). They may be mistyped or deleted.\n\n${HOW_TO_CONFIGURE}`;
  }
  return `Could not reach AWS to check your credentials: ${message}\n\n${HOW_TO_CONFIGURE}`;
}

export async function whoAmI(region = regionFromEnv()): Promise<AwsAccount> {
  // No AWS_ENDPOINT_URL here: deploy targets the real account even when the shell points SDKs at the local cloud.
  const sts = new STSClient({ region, endpoint: `https://sts.${region}.amazonaws.com` });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? '', arn: identity.Arn ?? '', region };
  } catch (error) {
    throw new Error(explainCredentialError(error));
  }
}
