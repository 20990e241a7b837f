import { describe, expect, it } from 'vitest';
import { decideGithub, decideGitlab, describe as describeNotice } from './events.ts';
import { fitOneSegment, septetLength, smsText, toGsm7 } from './sms.ts';

describe('GitHub events', () => {
  const push = {
    ref: 'refs/heads/main',
    deleted: false,
    repository: { full_name: 'fh/cloud-lab' },
    pusher: { name: 'ada' },
    commits: [{}, {}, {}],
    head_commit: { message: 'Fix retries\n\nLong body' },
  };

  it('turns a branch push into a push notice with the head commit headline', () => {
    expect(decideGithub('push', push)).toEqual({
      action: 'notify',
      notice: { kind: 'push', repository: 'fh/cloud-lab', branch: 'main', pusher: 'ada', commits: 3, headline: 'Fix retries' },
    });
  });

  it('announces a tag push, ignores a deleted branch and answers ping', () => {
    expect(decideGithub('push', { ...push, ref: 'refs/tags/v1.2' })).toMatchObject({ notice: { kind: 'tag', tag: 'v1.2' } });
    expect(decideGithub('push', { ...push, deleted: true })).toMatchObject({ action: 'ignore' });
    expect(decideGithub('ping', {})).toEqual({ action: 'pong' });
  });

  it('notifies only completed workflow runs that failed', () => {
    const run = { action: 'completed', repository: { full_name: 'fh/cloud-lab' }, workflow_run: { name: 'CI', conclusion: 'failure', head_branch: 'main', html_url: 'https://github.com/fh/cloud-lab/actions/runs/1' } };
    expect(decideGithub('workflow_run', run)).toMatchObject({ action: 'notify', notice: { kind: 'pipeline-failed', name: 'CI', branch: 'main' } });
    expect(decideGithub('workflow_run', { ...run, workflow_run: { ...run.workflow_run, conclusion: 'success' } })).toMatchObject({ action: 'ignore' });
    expect(decideGithub('workflow_run', { ...run, action: 'requested' })).toMatchObject({ action: 'ignore' });
  });

  it('ignores other events', () => {
    expect(decideGithub('issues', {})).toMatchObject({ action: 'ignore', reason: 'GitHub event issues' });
  });
});

describe('GitLab events', () => {
  it('reads push hooks with the checkout commit headline and total count', () => {
    const push = {
      object_kind: 'push', ref: 'refs/heads/dev', after: 'a'.repeat(40), checkout_sha: 'c2', user_username: 'grace', total_commits_count: 5,
      project: { path_with_namespace: 'fh/lake' }, commits: [{ id: 'c1', message: 'old' }, { id: 'c2', message: 'Add EFS\nmore' }],
    };
    expect(decideGitlab('Push Hook', push)).toEqual({
      action: 'notify', notice: { kind: 'push', repository: 'fh/lake', branch: 'dev', pusher: 'grace', commits: 5, headline: 'Add EFS' },
    });
    expect(decideGitlab('Push Hook', { ...push, after: '0'.repeat(40) })).toMatchObject({ action: 'ignore' });
  });

  it('notifies failed pipelines with a link and ignores the rest', () => {
    const hook = { project: { path_with_namespace: 'fh/lake', web_url: 'https://gitlab.com/fh/lake' }, object_attributes: { id: 31, ref: 'main', status: 'failed' } };
    expect(decideGitlab('Pipeline Hook', hook)).toMatchObject({
      notice: { kind: 'pipeline-failed', name: 'pipeline #31', url: 'https://gitlab.com/fh/lake/-/pipelines/31' },
    });
    expect(decideGitlab('Pipeline Hook', { ...hook, object_attributes: { status: 'success' } })).toMatchObject({ action: 'ignore' });
  });
});

describe('SMS text', () => {
  it('keeps messages in GSM-7 so they stay one 160-character segment', () => {
    expect(toGsm7('Füße 🚀 “ok” …')).toBe('Füße ? "ok" ...');
    const long = fitOneSegment('x'.repeat(300));
    expect(septetLength(long)).toBe(160);
    expect(long.endsWith('...')).toBe(true);
  });

  it('counts GSM-7 extension characters as two septets', () => {
    expect(septetLength('€[]')).toBe(6);
    expect(septetLength(fitOneSegment('€'.repeat(100)))).toBeLessThanOrEqual(160);
  });

  it('keeps a failed pipeline link whole and cuts the description instead', () => {
    const url = 'https://gitlab.com/fh/lake/-/pipelines/31';
    const text = smsText(describeNotice({ kind: 'pipeline-failed', repository: 'fh/' + 'x'.repeat(200), name: 'CI', branch: 'main', url }), url);
    expect(text.endsWith(` ${url}`)).toBe(true);
    expect(septetLength(text)).toBeLessThanOrEqual(160);
  });
});
