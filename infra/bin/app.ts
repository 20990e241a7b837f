/** Entry point for `cdk` (see cdk.json). */
import { buildApp } from '../lib/app.ts';

buildApp().synth();
