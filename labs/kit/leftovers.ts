/** `npm run leftovers`: every resource tagged course=ccvs still alive in the region, and how to remove it. */
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient, type ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import { COURSE_TAG } from '../../infra/lib/course-stack.ts';
import { whoAmI } from './aws-account.ts';
import { runCli } from './cli.ts';

async function listCourseResources(region: string): Promise<ResourceTagMapping[]> {
  const client = new ResourceGroupsTaggingAPIClient({ region, endpoint: `https://tagging.${region}.amazonaws.com` });
  const found: ResourceTagMapping[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new GetResourcesCommand({ TagFilters: [{ Key: 'course', Values: [COURSE_TAG] }], PaginationToken: token }));
    found.push(...(page.ResourceTagMappingList ?? []));
    token = page.PaginationToken || undefined;
  } while (token);
  return found;
}

async function main(): Promise<number> {
  const { account, region } = await whoAmI();
  const resources = await listCourseResources(region);
  if (resources.length === 0) {
    console.log(`No course resources left in ${account}/${region}. (Other regions are not checked: set AWS_REGION to look there.)`);
    return 0;
  }
  const tag = (r: ResourceTagMapping, key: string) => r.Tags?.find((t) => t.Key === key)?.Value ?? '?';
  const today = new Date().toISOString().slice(0, 10);
  console.log(`Course resources still in ${account}/${region}:\n`);
  for (const r of resources) {
    const expires = tag(r, 'expires-at');
    const overdue = expires !== '?' && expires !== 'never' && expires < today ? '  EXPIRED' : '';
    console.log(`  ${tag(r, 'lab').padEnd(14)} expires ${expires}${overdue}  ${r.ResourceARN}`);
  }
  const labs = [...new Set(resources.map((r) => tag(r, 'lab')))].filter((l) => l !== '?');
  console.log(`\nRemove them with:\n${labs.map((l) => `  npm run destroy -- ${l}`).join('\n')}`);
  console.log('If a stack is already gone but resources remain, delete them in the console (Resource Groups → Tag Editor, tag course=ccvs).');
  return 0;
}

runCli(main);
