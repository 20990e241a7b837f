import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from './args.ts';
import { main } from './cli.ts';
import { labDeployment } from './lab.ts';

const endpoint = 'http://127.0.0.1:4566';

describe('deploy:local command line', () => {
  it('passes -c context through and turns --solution into labSource=solution', () => {
    expect(parseArgs(['deploy', 'notification', '-c', 'phoneNumber=+15555550100', '--context=a=b=c', '--solution', '--watch'], endpoint)).toMatchObject({
      command: 'deploy', lab: 'notification', context: { phoneNumber: '+15555550100', a: 'b=c', labSource: 'solution' }, watch: true, endpoint,
    });
    expect(parseArgs(['deploy', '--assembly', 'cdk.out', '--stack', 'A', '--stack', 'B', '--parameters', 'Env=prod', '--outputs-file', 'o.json'], endpoint)).toMatchObject({
      assembly: 'cdk.out', stacks: ['A', 'B'], parameters: { Env: 'prod' }, outputsFile: 'o.json',
    });
    expect(parseArgs(['destroy', '--stack', 'A'], endpoint)).toMatchObject({ command: 'destroy', stacks: ['A'] });
  });

  it('explains every mistake in one line', () => {
    const message = (argv: string[]) => {
      try {
        parseArgs(argv, endpoint);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(message(['deploy'])).toBe('name a lab or give --assembly');
    expect(message(['deploy', 'a', 'b'])).toBe('only one lab at a time (got a and b)');
    expect(message(['deploy', 'x', '-c', 'novalue'])).toBe('-c needs key=value, got "novalue"');
    expect(message(['deploy', 'x', '--assembly', 'd'])).toBe('give either a lab or --assembly, not both');
    expect(message(['deploy', '--assembly', 'd', '--watch'])).toBe('--watch needs a lab (it re-synthesizes the lab stack on save)');
    expect(message(['deploy', '--assembly', 'd', '--solution'])).toMatch(/already synthesized/);
    expect(message(['deploy', 'x', '--frobnicate'])).toBe('unknown option --frobnicate');
    expect(message(['ship', 'x'])).toBe('unknown command "ship"');
  });

  it('maps a lab to the course app, its stack and its local outputs file', () => {
    const lab = labDeployment('notification');
    expect(lab.stackName).toBe('CcvsNotification');
    expect(lab.appDir).toMatch(/infra$/);
    expect(lab.outputsFile).toMatch(/labs\/notification\/\.outputs\/local\.json$/);
    expect(() => labDeployment('nope')).toThrow('There is no lab "nope" under labs/');
    expect(() => labDeployment('../etc')).toThrow(/There is no lab/);
  });

  it('reports a missing local cloud and deployer errors without a stack trace', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    // A closed port: nothing listens there.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await main(['deploy', '--assembly', '/tmp/x', '--endpoint', `http://127.0.0.1:${port}`])).toBe(1);
    expect(errors[0]).toBe(`deploy:local failed: No local cloud answers at http://127.0.0.1:${port} — start it with \`npm run cloud\` (or set AWS_ENDPOINT_URL).`);

    const refusing = http.createServer((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"Queue: something is wrong"}'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    expect(await main(['destroy', '--stack', 'S', '--endpoint', at])).toBe(1);
    expect(errors[1]).toBe('destroy:local failed: Queue: something is wrong');
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    expect(await main(['deploy'])).toBe(1);
    expect(errors[2]).toBe('deploy:local failed: name a lab or give --assembly');
    expect(errors[3]).toMatch(/^usage:/);
    expect(errors.join('\n')).not.toMatch(/\n\s+at /);
    spy.mockRestore();
  });
});
