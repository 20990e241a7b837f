/**
 * Resolution of CloudFormation intrinsic functions and pseudo parameters against what is deployed so far.
 * Every failure is a TemplateError naming the logical id whose value could not be resolved.
 */
import { TemplateError, type Template } from './template.ts';

/** Marker for `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export interface ResolvedResource {
  ref: string;
  attributes: Record<string, unknown>;
}

export interface ResolveScope {
  template: Template;
  pseudo: { region: string; accountId: string; stackName: string; stackId: string };
  parameters: Record<string, unknown>;
  /** Deployed resources; a missing entry means "not deployed (yet)". */
  resources: Map<string, ResolvedResource>;
  /** Resources skipped because they have no local meaning: Ref/GetAtt give a placeholder. */
  skipped: Set<string>;
  /** Resources whose Condition is false. */
  disabled: Set<string>;
}

const FUNCTIONS = ['Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Sub', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::ImportValue', 'Fn::Cidr', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The single intrinsic function of `{ "Fn::X": … }`, if the value is one. */
export function intrinsicOf(value: unknown): [string, unknown] | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !FUNCTIONS.includes(keys[0]!)) return undefined;
  return [keys[0]!, value[keys[0]!]];
}

const PSEUDO = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);

export class Resolver {
  private readonly conditionCache = new Map<string, boolean>();

  constructor(private readonly scope: ResolveScope) {}

  resolve(value: unknown, where: string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, where)).filter((v) => v !== NO_VALUE);
    const fn = intrinsicOf(value);
    if (fn) return this.apply(fn[0], fn[1], where);
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const resolved = this.resolve(v, where);
        if (resolved !== NO_VALUE) out[k] = resolved;
      }
      return out;
    }
    return value;
  }

  condition(name: string, where: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const definition = this.scope.template.Conditions?.[name];
    if (definition === undefined) throw new TemplateError(where, `condition ${name} is not defined in Conditions`);
    this.conditionCache.set(name, false); // guards against a condition that refers to itself
    const result = this.resolve(definition, `Conditions.${name}`);
    if (typeof result !== 'boolean') throw new TemplateError(`Conditions.${name}`, 'a condition must evaluate to true or false (use Fn::Equals, Fn::Not, Fn::And, Fn::Or)');
    this.conditionCache.set(name, result);
    return result;
  }

  private string(value: unknown, fn: string, where: string): string {
    const resolved = this.resolve(value, where);
    if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
    if (typeof resolved !== 'string') throw new TemplateError(where, `${fn} expects a string, got ${describe(resolved)}`);
    return resolved;
  }

  private list(value: unknown, fn: string, where: string): unknown[] {
    const resolved = this.resolve(value, where);
    if (!Array.isArray(resolved)) throw new TemplateError(where, `${fn} expects a list, got ${describe(resolved)}`);
    return resolved;
  }

  private args(value: unknown, count: number, fn: string, where: string): unknown[] {
    if (!Array.isArray(value) || value.length !== count) throw new TemplateError(where, `${fn} takes a list of ${count} arguments`);
    return value;
  }

  ref(name: unknown, where: string): unknown {
    if (typeof name !== 'string') throw new TemplateError(where, `Ref needs a logical id or parameter name, got ${describe(name)}`);
    const { pseudo, parameters } = this.scope;
    if (PSEUDO.has(name)) {
      switch (name) {
        case 'AWS::Region': return pseudo.region;
        case 'AWS::AccountId': return pseudo.accountId;
        case 'AWS::Partition': return 'aws';
        case 'AWS::StackName': return pseudo.stackName;
        case 'AWS::StackId': return pseudo.stackId;
        case 'AWS::URLSuffix': return 'amazonaws.com';
        case 'AWS::NotificationARNs': return [];
        default: return NO_VALUE;
      }
    }
    if (name in parameters) {
      const value = parameters[name];
      if (value instanceof Error) throw new TemplateError(where, value.message);
      return value;
    }
    return this.resource(name, where).ref;
  }

  private resource(name: string, where: string): ResolvedResource {
    const { template, resources, skipped, disabled } = this.scope;
    if (!(name in template.Resources)) throw new TemplateError(where, `refers to ${name}, which is neither a resource nor a parameter of this template`);
    if (disabled.has(name)) throw new TemplateError(where, `refers to ${name}, whose Condition is false`);
    if (skipped.has(name)) return { ref: `local-${name}`, attributes: {} };
    const deployed = resources.get(name);
    if (!deployed) throw new TemplateError(where, `refers to ${name} before it is deployed (missing DependsOn or a reference cycle)`);
    return deployed;
  }

  getAtt(target: unknown, where: string): unknown {
    const [name, attribute] = typeof target === 'string' ? splitOnce(target, '.') : Array.isArray(target) ? [target[0], this.resolve(target[1], where)] : [];
    if (typeof name !== 'string' || typeof attribute !== 'string') throw new TemplateError(where, 'Fn::GetAtt takes [logicalId, attribute] or "logicalId.attribute"');
    if (this.scope.skipped.has(name)) return `local-${name}-${attribute}`;
    const resource = this.resource(name, where);
    if (!(attribute in resource.attributes)) {
      const known = Object.keys(resource.attributes);
      throw new TemplateError(where, `Fn::GetAtt ${name}.${attribute}: the local cloud knows ${known.length ? known.join(', ') : 'no attributes'} for ${this.scope.template.Resources[name]!.Type}`);
    }
    return resource.attributes[attribute];
  }

  private sub(arg: unknown, where: string): string {
    const [text, variables] = typeof arg === 'string' ? [arg, {}] : Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && isObject(arg[1]) ? [arg[0], arg[1]] : [undefined, {}];
    if (text === undefined) throw new TemplateError(where, 'Fn::Sub takes a string or [string, { variables }]');
    return text.replace(/\$\{([^}]*)\}/g, (_whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const trimmed = name.trim();
      let value: unknown;
      if (trimmed in variables) value = this.resolve(variables[trimmed], where);
      else if (trimmed.includes('.') && !PSEUDO.has(trimmed)) value = this.getAtt(trimmed, where);
      else value = this.ref(trimmed, where);
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new TemplateError(where, `Fn::Sub variable \${${trimmed}} is ${describe(value)}, not a string`);
      return String(value);
    });
  }

  private apply(fn: string, arg: unknown, where: string): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(arg, where);
      case 'Fn::GetAtt':
        return this.getAtt(arg, where);
      case 'Fn::Join': {
        const [delimiter, items] = this.args(arg, 2, fn, where);
        if (typeof delimiter !== 'string') throw new TemplateError(where, 'Fn::Join delimiter must be a string');
        return this.list(items, fn, where).map((item) => {
          if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') throw new TemplateError(where, `Fn::Join can only join strings, got ${describe(item)}`);
          return String(item);
        }).join(delimiter);
      }
      case 'Fn::Sub':
        return this.sub(arg, where);
      case 'Fn::Select': {
        const [index, items] = this.args(arg, 2, fn, where);
        const i = Number(this.resolve(index, where));
        const list = this.list(items, fn, where);
        if (!Number.isInteger(i) || i < 0 || i >= list.length) throw new TemplateError(where, `Fn::Select index ${String(index)} is outside the list of ${list.length}`);
        return list[i];
      }
      case 'Fn::Split': {
        const [delimiter, text] = this.args(arg, 2, fn, where);
        if (typeof delimiter !== 'string') throw new TemplateError(where, 'Fn::Split delimiter must be a string');
        return this.string(text, fn, where).split(delimiter);
      }
      case 'Fn::If': {
        const [name, whenTrue, whenFalse] = this.args(arg, 3, fn, where);
        if (typeof name !== 'string') throw new TemplateError(where, 'Fn::If needs a condition name first');
        return this.resolve(this.condition(name, where) ? whenTrue : whenFalse, where);
      }
      case 'Fn::Equals': {
        const [a, b] = this.args(arg, 2, fn, where);
        return JSON.stringify(this.resolve(a, where)) === JSON.stringify(this.resolve(b, where));
      }
      case 'Fn::Not':
        return !this.bool(this.args(arg, 1, fn, where)[0], fn, where);
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(arg) || arg.length < 2 || arg.length > 10) throw new TemplateError(where, `${fn} takes 2 to 10 conditions`);
        const values = arg.map((a) => this.bool(a, fn, where));
        return fn === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Condition':
        if (typeof arg !== 'string') throw new TemplateError(where, 'Condition needs a condition name');
        return this.condition(arg, where);
      case 'Fn::FindInMap': {
        const [map, top, second] = this.args(arg, 3, fn, where).map((a) => this.string(a, fn, where));
        const value = this.scope.template.Mappings?.[map!]?.[top!]?.[second!];
        if (value === undefined) throw new TemplateError(where, `Fn::FindInMap found nothing at ${map}.${top}.${second}`);
        return value;
      }
      case 'Fn::Base64':
        return Buffer.from(this.string(arg, fn, where)).toString('base64');
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((az) => `${this.scope.pseudo.region}${az}`);
      case 'Fn::Length':
        return this.list(arg, fn, where).length;
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(arg, where));
      default:
        throw new TemplateError(where, `${fn} is not supported by the local deployer`);
    }
  }

  private bool(value: unknown, fn: string, where: string): boolean {
    const resolved = this.resolve(value, where);
    if (typeof resolved !== 'boolean') throw new TemplateError(where, `${fn} expects conditions, got ${describe(resolved)}`);
    return resolved;
  }
}

function splitOnce(text: string, separator: string): [string, string] | [] {
  const at = text.indexOf(separator);
  return at < 0 ? [] : [text.slice(0, at), text.slice(at + 1)];
}

function describe(value: unknown): string {
  if (value === NO_VALUE) return 'AWS::NoValue';
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Logical ids a value refers to (Ref, Fn::GetAtt, Fn::Sub variables), for ordering; parameters and pseudo names excluded. */
export function referencedIds(value: unknown, template: Template, into = new Set<string>()): Set<string> {
  const add = (name: unknown) => {
    if (typeof name === 'string' && name in template.Resources) into.add(name);
  };
  if (Array.isArray(value)) for (const v of value) referencedIds(v, template, into);
  else if (isObject(value)) {
    const fn = intrinsicOf(value);
    if (fn?.[0] === 'Ref') add(fn[1]);
    else if (fn?.[0] === 'Fn::GetAtt') add(typeof fn[1] === 'string' ? fn[1].split('.')[0] : Array.isArray(fn[1]) ? fn[1][0] : undefined);
    else if (fn?.[0] === 'Fn::Sub') {
      const text = typeof fn[1] === 'string' ? fn[1] : Array.isArray(fn[1]) ? fn[1][0] : '';
      for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) add(match[1]!.trim().split('.')[0]);
      if (Array.isArray(fn[1])) referencedIds(fn[1][1], template, into);
    } else for (const v of Object.values(value)) referencedIds(v, template, into);
  }
  return into;
}
