/** Deployment order: a resource comes after everything it references or names in DependsOn (Kahn's algorithm). */
import { referencedIds } from './intrinsics.ts';
import { TemplateError, type Template } from './template.ts';

export function dependenciesOf(template: Template, logicalId: string): Set<string> {
  const resource = template.Resources[logicalId]!;
  const deps = referencedIds(resource.Properties ?? {}, template);
  const dependsOn = resource.DependsOn === undefined ? [] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [resource.DependsOn];
  for (const name of dependsOn) {
    if (!(name in template.Resources)) throw new TemplateError(logicalId, `DependsOn names ${name}, which is not a resource of this template`);
    deps.add(name);
  }
  deps.delete(logicalId);
  return deps;
}

/** Logical ids in an order that respects every dependency; a cycle is an error naming its members. */
export function deploymentOrder(template: Template): string[] {
  const ids = Object.keys(template.Resources);
  const deps = new Map(ids.map((id) => [id, dependenciesOf(template, id)]));
  for (const [id, set] of deps) if (set.has(id)) throw new TemplateError(id, 'refers to itself');
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < ids.length) {
    const ready = ids.filter((id) => !done.has(id) && [...deps.get(id)!].every((d) => done.has(d)));
    if (ready.length === 0) {
      const stuck = ids.filter((id) => !done.has(id));
      throw new TemplateError(undefined, `reference cycle between ${stuck.join(', ')}`);
    }
    for (const id of ready) {
      done.add(id);
      order.push(id);
    }
  }
  return order;
}
