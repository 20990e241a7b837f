/** The path of the deployer endpoint, shared by the cloud side (index.ts) and the thin CLI (client.ts). */
export const STACKS_PATH = '/_localcloud/stacks';
