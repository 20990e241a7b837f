/**
 * What a webhook means for the team: a push, a failed pipeline, or nothing worth an SMS.
 * Payload fields follow GitHub's and GitLab's documented webhook payloads; only the fields we read are typed.
 */
export type Provider = 'github' | 'gitlab';

export type Notice =
  | { kind: 'push'; repository: string; branch: string; pusher: string; commits: number; headline: string }
  | { kind: 'tag'; repository: string; tag: string; pusher: string }
  | { kind: 'pipeline-failed'; repository: string; name: string; branch: string; url: string };

export type Decision =
  | { action: 'notify'; notice: Notice }
  | { action: 'pong' }
  | { action: 'ignore'; reason: string };

type Json = Record<string, any>;

const firstLine = (text: unknown) => (typeof text === 'string' ? text.split('\n')[0].trim() : '');
const ZERO_SHA = /^0{40}$/;

function refName(ref: unknown): { type: 'branch' | 'tag' | 'other'; name: string } {
  const value = typeof ref === 'string' ? ref : '';
  if (value.startsWith('refs/heads/')) return { type: 'branch', name: value.slice('refs/heads/'.length) };
  if (value.startsWith('refs/tags/')) return { type: 'tag', name: value.slice('refs/tags/'.length) };
  return { type: 'other', name: value };
}

function pushNotice(repository: string, ref: unknown, pusher: string, commits: number, headline: string): Decision {
  const target = refName(ref);
  if (target.type === 'tag') return { action: 'notify', notice: { kind: 'tag', repository, tag: target.name, pusher } };
  if (target.type !== 'branch') return { action: 'ignore', reason: `push to ${target.name || 'unknown ref'}` };
  return { action: 'notify', notice: { kind: 'push', repository, branch: target.name, pusher, commits, headline } };
}

export function decideGithub(event: string, payload: Json): Decision {
  if (event === 'ping') return { action: 'pong' };
  if (event === 'push') {
    // A deleted branch is housekeeping, not news: no SMS.
    if (payload.deleted === true) return { action: 'ignore', reason: 'branch or tag deleted' };
    return pushNotice(
      payload.repository?.full_name ?? 'unknown',
      payload.ref,
      payload.pusher?.name ?? payload.sender?.login ?? 'unknown',
      Array.isArray(payload.commits) ? payload.commits.length : 0,
      firstLine(payload.head_commit?.message),
    );
  }
  if (event === 'workflow_run') {
    const run = payload.workflow_run ?? {};
    if (payload.action !== 'completed' || run.conclusion !== 'failure') {
      return { action: 'ignore', reason: `workflow_run ${payload.action}/${run.conclusion ?? 'pending'}` };
    }
    return {
      action: 'notify',
      notice: {
        kind: 'pipeline-failed',
        repository: payload.repository?.full_name ?? 'unknown',
        name: run.name ?? 'workflow',
        branch: run.head_branch ?? 'unknown',
        url: run.html_url ?? '',
      },
    };
  }
  return { action: 'ignore', reason: `GitHub event ${event || 'without name'}` };
}

export function decideGitlab(event: string, payload: Json): Decision {
  const repository = payload.project?.path_with_namespace ?? 'unknown';
  if (event === 'Push Hook' || event === 'Tag Push Hook') {
    if (typeof payload.after === 'string' && ZERO_SHA.test(payload.after)) {
      return { action: 'ignore', reason: 'branch or tag deleted' };
    }
    const commits: Json[] = Array.isArray(payload.commits) ? payload.commits : [];
    const head = commits.find((c) => c.id === payload.checkout_sha) ?? commits.at(-1);
    return pushNotice(
      repository,
      payload.ref,
      payload.user_username ?? payload.user_name ?? 'unknown',
      typeof payload.total_commits_count === 'number' ? payload.total_commits_count : commits.length,
      firstLine(head?.message),
    );
  }
  if (event === 'Pipeline Hook') {
    const pipeline = payload.object_attributes ?? {};
    if (pipeline.status !== 'failed') return { action: 'ignore', reason: `pipeline ${pipeline.status ?? 'unknown'}` };
    const webUrl = payload.project?.web_url ?? '';
    return {
      action: 'notify',
      notice: {
        kind: 'pipeline-failed',
        repository,
        name: pipeline.name || `pipeline #${pipeline.id ?? '?'}`,
        branch: pipeline.ref ?? 'unknown',
        url: pipeline.url ?? (webUrl && pipeline.id ? `${webUrl}/-/pipelines/${pipeline.id}` : webUrl),
      },
    };
  }
  return { action: 'ignore', reason: `GitLab event ${event || 'without name'}` };
}

export function describe(notice: Notice): string {
  switch (notice.kind) {
    case 'push': {
      const commits = `${notice.commits} commit${notice.commits === 1 ? '' : 's'}`;
      return `${notice.repository}@${notice.branch}: ${notice.pusher} pushed ${commits}: ${notice.headline}`;
    }
    case 'tag':
      return `${notice.repository}: ${notice.pusher} pushed tag ${notice.tag}`;
    case 'pipeline-failed':
      return `FAILED ${notice.name} on ${notice.repository}@${notice.branch}`;
  }
}
