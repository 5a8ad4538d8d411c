/** One stream per commitment. */
export const commitmentStream = (commitmentId: string) => `commitment-${commitmentId}`;
