import type Router from '@koa/router';

/** Distinct method+path pairs remembered; beyond this the memo starts afresh (paths with ids are many). */
const MAX_PATHS = 5_000;
/** Longer paths are matched afresh, so the memo's memory stays small whatever clients send. */
const MAX_PATH_LENGTH = 200;

type MatchResult = ReturnType<Router['match']>;

/**
 * @koa/router finds a request's routes by testing every registered route's pattern in turn (some
 * hundreds here) on every request. The answer depends only on the method and path while the routes
 * stay as registered, so it is remembered per (method, path) — list and action paths repeat — and
 * forgotten when a route is added. The caller gets its own arrays (the router appends to them).
 */
export function rememberRouteMatches(router: Router): void {
  const match = router.match.bind(router);
  const memo = new Map<string, MatchResult>();
  let routes = router.stack.length;
  router.match = (path: string, method: string): MatchResult => {
    if (router.stack.length !== routes) {
      memo.clear();
      routes = router.stack.length;
    }
    if (path.length > MAX_PATH_LENGTH) return match(path, method);
    const key = `${method} ${path}`;
    let found = memo.get(key);
    if (!found) {
      found = match(path, method);
      if (memo.size >= MAX_PATHS) memo.clear();
      memo.set(key, found);
    }
    return { path: [...found.path], pathAndMethod: [...found.pathAndMethod], route: found.route };
  };
}
