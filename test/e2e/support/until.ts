/** Polls `check` until it holds; fails naming what it waited for. */
export const until = async (check: () => boolean, ms = 20_000, what = 'the condition'): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
