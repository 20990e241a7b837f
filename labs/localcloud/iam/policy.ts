/**
 * Identity-policy evaluation as IAM does it for one principal: an explicit Deny wins, otherwise some Allow is needed.
 * Conditions are not evaluated (the labs use none); statements with a Condition are reported by the caller.
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** `*` matches any run of characters, `?` exactly one; everything else literally. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'is' : 's').test(value);
}

function statementApplies(statement: PolicyStatement, action: string, resource: string): boolean {
  const actionMatches = statement.NotAction !== undefined
    ? !list(statement.NotAction).some((p) => wildcardMatch(p, action, true))
    : list(statement.Action).some((p) => wildcardMatch(p, action, true));
  if (!actionMatches) return false;
  return statement.NotResource !== undefined
    ? !list(statement.NotResource).some((p) => wildcardMatch(p, resource))
    : list(statement.Resource).some((p) => wildcardMatch(p, resource));
}

export function evaluatePolicies(documents: Iterable<PolicyDocument>, action: string, resource: string): Decision {
  let allowed = false;
  for (const document of documents) {
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    for (const statement of statements) {
      if (!statementApplies(statement, action, resource)) continue;
      if (statement.Effect === 'Deny') return 'ExplicitDeny';
      if (statement.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

/** Throws a readable error when `value` is not a policy document (used on template input). */
export function assertPolicyDocument(value: unknown, where: string): asserts value is PolicyDocument {
  const doc = value as PolicyDocument | null;
  if (!doc || typeof doc !== 'object' || doc.Statement === undefined) throw new Error(`${where}: policy document has no Statement`);
  for (const s of Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) {
    if (!s || (s.Effect !== 'Allow' && s.Effect !== 'Deny')) throw new Error(`${where}: every statement needs Effect Allow or Deny`);
    if (s.Action === undefined && s.NotAction === undefined) throw new Error(`${where}: a statement has neither Action nor NotAction`);
    if (s.Resource === undefined && s.NotResource === undefined) throw new Error(`${where}: a statement has neither Resource nor NotResource`);
    for (const a of [...list(s.Action), ...list(s.NotAction), ...list(s.Resource), ...list(s.NotResource)]) {
      if (typeof a !== 'string') throw new Error(`${where}: actions and resources must be strings after resolution, got ${JSON.stringify(a)}`);
    }
  }
}
