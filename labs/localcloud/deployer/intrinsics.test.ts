import { describe, expect, it } from 'vitest';
import { NO_VALUE, Resolver, type ResolvedResource } from './intrinsics.ts';
import { deploymentOrder } from './order.ts';
import { TemplateError, parseTemplate, type Template } from './template.ts';

const template: Template = {
  Parameters: { Env: { Type: 'String', Default: 'dev' }, Zones: { Type: 'CommaDelimitedList', Default: 'a,b' } },
  Mappings: { Sizes: { dev: { Memory: '128' } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Both: { 'Fn::And': [{ Condition: 'IsDev' }, { 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': ['x', 'x'] }] }] },
  },
  Resources: { Queue: { Type: 'AWS::SQS::Queue' }, Topic: { Type: 'AWS::SNS::Topic' } },
};

function resolverWith(resources: Record<string, ResolvedResource> = {}, parameters: Record<string, unknown> = { Env: 'dev', Zones: ['a', 'b'] }) {
  return new Resolver({
    template,
    pseudo: { region: 'eu-central-1', accountId: '000000000000', stackName: 'Demo', stackId: 'arn:stack' },
    parameters,
    resources: new Map(Object.entries(resources)),
    skipped: new Set(),
    disabled: new Set(),
  });
}

const queue: ResolvedResource = { ref: 'http://q', attributes: { Arn: 'arn:aws:sqs:eu-central-1:000000000000:q', QueueName: 'q' } };

describe('intrinsic functions', () => {
  it('resolves Ref to parameters, pseudo parameters and resources', () => {
    const r = resolverWith({ Queue: queue });
    expect(r.resolve({ Ref: 'Env' }, 'X')).toBe('dev');
    expect(r.resolve([{ Ref: 'AWS::Region' }, { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Partition' }, { Ref: 'AWS::StackName' }, { Ref: 'AWS::URLSuffix' }], 'X'))
      .toEqual(['eu-central-1', '000000000000', 'aws', 'Demo', 'amazonaws.com']);
    expect(r.resolve({ Ref: 'Queue' }, 'X')).toBe('http://q');
  });

  it('drops properties and list items that resolve to AWS::NoValue', () => {
    const r = resolverWith();
    expect(r.resolve({ A: { Ref: 'AWS::NoValue' }, B: [1, { Ref: 'AWS::NoValue' }], C: { 'Fn::If': ['IsProd', 'p', { Ref: 'AWS::NoValue' }] } }, 'X')).toEqual({ B: [1] });
    expect(r.ref('AWS::NoValue', 'X')).toBe(NO_VALUE);
  });

  it('resolves GetAtt in both forms, Join, Select, Split, FindInMap, Base64 and GetAZs', () => {
    const r = resolverWith({ Queue: queue });
    expect(r.resolve({ 'Fn::GetAtt': ['Queue', 'Arn'] }, 'X')).toBe(queue.attributes.Arn);
    expect(r.resolve({ 'Fn::GetAtt': 'Queue.QueueName' }, 'X')).toBe('q');
    expect(r.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] }, 'X')).toBe('a-dev-3');
    expect(r.resolve({ 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] }, 'X')).toBe('y');
    expect(r.resolve({ 'Fn::Select': ['0', { Ref: 'Zones' }] }, 'X')).toBe('a');
    expect(r.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] }, 'X')).toBe('128');
    expect(r.resolve({ 'Fn::Base64': 'hi' }, 'X')).toBe('aGk=');
    expect(r.resolve({ 'Fn::GetAZs': '' }, 'X')).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']);
  });

  it('substitutes Fn::Sub in the string form and with a variable map, keeping ${!Literal}', () => {
    const r = resolverWith({ Queue: queue });
    expect(r.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${Queue.QueueName}/${Env} ${!Keep}' }, 'X')).toBe('arn:aws:x:eu-central-1:q/dev ${Keep}');
    expect(r.resolve({ 'Fn::Sub': ['${Name}-${Queue}', { Name: { 'Fn::Join': ['', ['n', '1']] } }] }, 'X')).toBe('n1-http://q');
  });

  it('evaluates conditions with Equals, Not, And, Or and Condition references', () => {
    const r = resolverWith();
    expect(r.condition('IsProd', 'X')).toBe(false);
    expect(r.condition('IsDev', 'X')).toBe(true);
    expect(r.condition('Both', 'X')).toBe(true);
    expect(resolverWith({}, { Env: 'prod', Zones: [] }).resolve({ 'Fn::If': ['IsProd', 'big', 'small'] }, 'X')).toBe('big');
  });

  it('names the logical id and the problem for broken intrinsics', () => {
    const r = resolverWith({ Queue: queue });
    const failure = (value: unknown) => {
      try {
        r.resolve(value, 'MyFunction');
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
        return (error as Error).message;
      }
      throw new Error('expected a TemplateError');
    };
    expect(failure({ Ref: 'Nope' })).toBe('MyFunction: refers to Nope, which is neither a resource nor a parameter of this template');
    expect(failure({ Ref: 'Topic' })).toMatch(/^MyFunction: refers to Topic before it is deployed/);
    expect(failure({ 'Fn::GetAtt': ['Queue', 'Colour'] })).toMatch(/^MyFunction: Fn::GetAtt Queue.Colour: the local cloud knows Arn, QueueName/);
    expect(failure({ 'Fn::Select': [5, ['a']] })).toMatch(/^MyFunction: Fn::Select index 5 is outside the list of 1/);
    expect(failure({ 'Fn::Join': ['-'] })).toMatch(/Fn::Join takes a list of 2 arguments/);
    expect(failure({ 'Fn::Join': ['-', [{ A: 1 }]] })).toMatch(/Fn::Join can only join strings/);
    expect(failure({ 'Fn::If': ['Missing', 1, 2] })).toMatch(/condition Missing is not defined/);
    expect(failure({ 'Fn::Sub': 42 })).toMatch(/Fn::Sub takes a string/);
    expect(failure({ 'Fn::ImportValue': 'x' })).toMatch(/Fn::ImportValue is not supported by the local deployer/);
  });
});

describe('deployment order', () => {
  it('puts every resource after what it references or depends on', () => {
    const t = parseTemplate({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Env: { 'Fn::Sub': '${Table}' } }, DependsOn: 'Policy' },
        Policy: { Type: 'AWS::IAM::Policy', Properties: { Roles: [{ Ref: 'Role' }] } },
        Role: { Type: 'AWS::IAM::Role' },
        Table: { Type: 'AWS::DynamoDB::Table' },
      },
    }, 'test');
    const order = deploymentOrder(t);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('Role', 'Policy');
    before('Policy', 'Fn');
    before('Table', 'Fn');
  });

  it('reports cycles and unknown DependsOn targets by logical id', () => {
    const cyclic = parseTemplate({ Resources: { A: { Type: 'T', Properties: { x: { Ref: 'B' } } }, B: { Type: 'T', DependsOn: ['A'] } } }, 'test');
    expect(() => deploymentOrder(cyclic)).toThrow('reference cycle between A, B');
    const dangling = parseTemplate({ Resources: { A: { Type: 'T', DependsOn: 'Ghost' } } }, 'test');
    expect(() => deploymentOrder(dangling)).toThrow('A: DependsOn names Ghost, which is not a resource of this template');
  });

  it('rejects templates without resources or types', () => {
    expect(() => parseTemplate({}, 'x.json')).toThrow('x.json has no Resources');
    expect(() => parseTemplate({ Resources: { A: {} } }, 'x.json')).toThrow('A: resource has no Type');
    expect(() => parseTemplate([], 'x.json')).toThrow('x.json is not a JSON object');
  });
});
