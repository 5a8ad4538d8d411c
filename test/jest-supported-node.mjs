/** Jest's globalSetup: on a Node that aborts in native garbage collection, say why before any test dies of it. */
export default async () => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major === 24 && minor >= 19 && minor < 22)
    throw new Error(
      `Node ${process.versions.node} aborts when it frees native objects (nodejs/node#63985, fixed in 24.22.0): run the tests on Node 24.22 or later, 22 or 20`,
    );
};
