/**
 * Route keys and route selection as HTTP APIs do it: `METHOD /path` with `{param}` segments and a greedy
 * `{proxy+}` at the end, `ANY` for every method, `$default` as the catch-all. The most specific route wins:
 * literal segments beat parameters, parameters beat a greedy tail, a named method beats `ANY`.
 */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

export interface ParsedRouteKey {
  routeKey: string;
  /** Undefined for `$default`. */
  method?: string;
  segments: Segment[];
}

/** Parses a route key; returns an error message instead when it is not valid. */
export function parseRouteKey(routeKey: unknown): ParsedRouteKey | string {
  if (routeKey === '$default') return { routeKey, segments: [] };
  if (typeof routeKey !== 'string') return 'RouteKey must be a string such as "GET /orders/{id}" or "$default"';
  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  if (!match || !(HTTP_METHODS as readonly string[]).includes(match[1])) {
    return `Invalid route key ${JSON.stringify(routeKey)}: expected "$default" or "<METHOD> /path" with METHOD one of ${HTTP_METHODS.join(', ')}`;
  }
  const parts = match[2] === '/' ? [] : match[2].slice(1).split('/');
  const segments: Segment[] = [];
  for (const [i, part] of parts.entries()) {
    const param = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(part);
    if (param && param[2] === '+') {
      if (i !== parts.length - 1) return `Invalid route key ${routeKey}: a greedy path variable {${param[1]}+} must be the last segment`;
      segments.push({ kind: 'greedy', name: param[1] });
    } else if (param) segments.push({ kind: 'param', name: param[1] });
    else if (part === '' || /[{}]/.test(part)) return `Invalid route key ${routeKey}: bad path segment "${part}"`;
    else segments.push({ kind: 'literal', value: part });
  }
  return { routeKey, method: match[1], segments };
}

/** Path parameters when `path` (without stage) matches the route's path, else undefined. */
/** A malformed escape such as `%zz` is passed on as written, for the function to judge, instead of failing the gateway. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchPath(route: ParsedRouteKey, pathSegments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const segs = route.segments;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.kind === 'greedy') {
      const rest = pathSegments.slice(i);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      params[seg.name] = rest.join('/');
      return params;
    }
    const actual = pathSegments[i];
    if (actual === undefined) return undefined;
    if (seg.kind === 'literal' && seg.value !== actual) return undefined;
    if (seg.kind === 'param') {
      if (actual === '') return undefined;
      params[seg.name] = decodeSegment(actual);
    }
  }
  return pathSegments.length === segs.length ? params : undefined;
}

/** Lower is more specific; compared left to right. */
function specificity(route: ParsedRouteKey): number[] {
  const greedy = route.segments.some((s) => s.kind === 'greedy') ? 1 : 0;
  const literalPrefix = route.segments.findIndex((s) => s.kind !== 'literal');
  const literals = literalPrefix === -1 ? route.segments.length : literalPrefix;
  return [greedy, -literals, -route.segments.length, route.method === 'ANY' ? 1 : 0];
}

export interface RouteMatch<R> {
  route: R;
  pathParameters: Record<string, string>;
}

/** The route for `method path`, or undefined (→ 404 Not Found). `path` is relative to the stage. */
export function selectRoute<R extends { parsed: ParsedRouteKey }>(routes: R[], method: string, path: string): RouteMatch<R> | undefined {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const pathSegments = trimmed === '/' || trimmed === '' ? [] : trimmed.slice(1).split('/');
  let best: { match: RouteMatch<R>; rank: number[] } | undefined;
  for (const route of routes) {
    const { parsed } = route;
    if (parsed.method === undefined) continue;
    if (parsed.method !== 'ANY' && parsed.method !== method) continue;
    const pathParameters = matchPath(parsed, pathSegments);
    if (!pathParameters) continue;
    const rank = specificity(parsed);
    if (!best || compare(rank, best.rank) < 0) best = { match: { route, pathParameters }, rank };
  }
  if (best) return best.match;
  const fallback = routes.find((r) => r.parsed.method === undefined);
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
