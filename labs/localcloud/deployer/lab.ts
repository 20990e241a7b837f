/** Where a lab's local deployment lives: the course CDK app, the lab's stack, its assembly and outputs file. */
import fs from 'node:fs';
import path from 'node:path';
import { stackNameFor } from '../../../infra/lib/labs.ts';
import { infraDir } from '../../kit/cdk.ts';
import { labDir, outputsFile } from '../../kit/paths.ts';

export interface LabDeployment {
  lab: string;
  /** Directory with `cdk.json` of the app to synthesize. */
  appDir: string;
  stackName: string;
  /** `cdk synth --output` for local deployments (git-ignored like every `cdk.out`). */
  assemblyDir: string;
  outputsFile: string;
  /** Saving under these redeploys in watch mode. */
  watchDirs: string[];
}

export function labDeployment(lab: string): LabDeployment {
  if (!/^[a-z0-9-]+$/.test(lab) || !fs.existsSync(labDir(lab))) throw new Error(`There is no lab "${lab}" under labs/`);
  return {
    lab,
    appDir: infraDir,
    stackName: stackNameFor(lab),
    assemblyDir: path.join(labDir(lab), '.outputs', 'cdk.out'),
    outputsFile: outputsFile(lab, 'local'),
    watchDirs: [labDir(lab), infraDir],
  };
}
