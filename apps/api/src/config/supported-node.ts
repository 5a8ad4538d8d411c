/**
 * Node 24.19.0 gave `node::ObjectWrap` cleanup hooks (nodejs/node#63642); until 24.22.0 (#63985), a native
 * object that the garbage collector frees outside any context (a better-sqlite3 statement, for one) aborts
 * the process: `RemoveEnvironmentCleanupHook … (env) != nullptr`. Seen here on 24.21.0 in `npm test`'s first
 * files; 24.22.3, 22 and 20 run the whole suite. The server refuses those versions rather than die later.
 */
export const unsupportedNodeProblem = (version: string = process.versions.node): string | null => {
  const [major, minor] = version.split('.').map(Number);
  if (major === 24 && minor >= 19 && minor < 22)
    return `Node ${version} aborts when it frees native objects (nodejs/node#63985); use Node 24.22 or later, 22 or 20`;
  if (major < 20 || (major === 20 && minor < 19))
    return `Node ${version} is too old; use Node 24.22 or later, 22 or 20.19+`;
  return null;
};
