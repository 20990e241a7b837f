/** The HTTP-free SSM API in `context.registry.get('ssm')`, used by the deployer for AWS::SSM::Parameter. */
export const SSM_REGISTRY_KEY = 'ssm';

export interface SsmInternalApi {
  putParameter(name: string, type: 'String' | 'StringList' | 'SecureString', value: string, description?: string): void;
  deleteParameter(name: string): void;
  /** Current value (decrypted), or undefined; resolves `AWS::SSM::Parameter::Value<…>` template parameters. */
  getParameterValue(name: string): string | undefined;
  parameterArn(name: string): string;
}
