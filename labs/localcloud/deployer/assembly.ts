/** Reading a cloud assembly (`cdk.out`): its stacks in dependency order, each with its template. */
import fs from 'node:fs';
import path from 'node:path';
import { TemplateError, parseTemplate, type Template } from './template.ts';

export interface AssemblyStack {
  stackName: string;
  artifactId: string;
  /** Directory the template's assets are relative to. */
  assemblyDir: string;
  template: Template;
}

interface Artifact {
  type?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string };
  dependencies?: string[];
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new TemplateError(undefined, `${what} not found: ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TemplateError(undefined, `${what} is not valid JSON: ${file}`);
  }
}

/** Every CloudFormation stack of the assembly (nested stage assemblies included), dependencies first. */
export function readAssembly(assemblyDir: string): AssemblyStack[] {
  const dir = path.resolve(assemblyDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new TemplateError(undefined, `cloud assembly directory not found: ${dir}`);
  const manifest = readJson(path.join(dir, 'manifest.json'), 'cloud assembly manifest') as { artifacts?: Record<string, Artifact> };
  const artifacts = manifest.artifacts ?? {};
  const ids = Object.keys(artifacts);
  const ordered: string[] = [];
  const visit = (id: string, trail: string[]) => {
    if (ordered.includes(id) || !artifacts[id]) return;
    if (trail.includes(id)) throw new TemplateError(undefined, `artifact dependency cycle: ${[...trail, id].join(' → ')}`);
    for (const dep of artifacts[id]!.dependencies ?? []) visit(dep, [...trail, id]);
    ordered.push(id);
  };
  for (const id of ids) visit(id, []);

  const stacks: AssemblyStack[] = [];
  for (const id of ordered) {
    const artifact = artifacts[id]!;
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readAssembly(path.join(dir, artifact.properties.directoryName)));
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
    const file = path.join(dir, artifact.properties.templateFile);
    stacks.push({
      stackName: artifact.properties.stackName ?? id,
      artifactId: id,
      assemblyDir: dir,
      template: parseTemplate(readJson(file, `template of stack ${id}`), artifact.properties.templateFile),
    });
  }
  if (stacks.length === 0) throw new TemplateError(undefined, `the cloud assembly ${dir} contains no CloudFormation stack`);
  return stacks;
}
