/** Function names and ARNs: every API accepts a name, a full ARN (optionally with `:$LATEST`) or `account:function:name`. */
export const functionArn = (region: string, accountId: string, name: string): string =>
  `arn:aws:lambda:${region}:${accountId}:function:${name}`;

const arnPattern = /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:)?(?:\d{12}:)?(?:function:)?([A-Za-z0-9_-]{1,140})(?::(\$LATEST|[A-Za-z0-9_-]+))?$/;

/** The bare function name of `nameOrArn`, or undefined when it is not a valid function identifier. */
export function functionNameOf(nameOrArn: string): string | undefined {
  return arnPattern.exec(nameOrArn)?.[1];
}
