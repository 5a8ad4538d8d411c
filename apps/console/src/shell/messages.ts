/**
 * The console's words, in one place so that a translation (Pashto, Dari, Urdu) is one file: `dir` turns
 * the whole layout right to left, since the styles use logical (inline-start/end) properties only.
 */
export const messages = {
  lang: 'en',
  dir: 'ltr' as 'ltr' | 'rtl',
  product: 'Ceasefire Ledger',
  nav: { agreements: 'Agreements', live: 'Live breaches', ledger: 'Ledger and verification' },
  signIn: {
    title: 'Sign in',
    token: 'Principal token',
    hint: 'The token is kept in this page’s memory only: closing or reloading the page signs you out.',
    submit: 'Sign in',
    signOut: 'Sign out',
  },
  /** What each rule of a rulebook counts (the API's rule names: breaches.S2, accessDenials, …). */
  rules: {
    breaches: (severity: string) => `Confirmed ${severity} breaches`,
    accessDenials: 'Access denied to monitors',
    overdueCommitments: 'Commitments overdue',
    atRiskCommitments: 'Commitments at risk',
    overdueMeasures: 'Consequences overdue',
  } as Record<string, string | ((detail: string) => string)>,
  status: {
    COMPLIANT: 'Compliant',
    CONCERN: 'Concern',
    NON_COMPLIANT: 'Non-compliant',
    SERIOUS_NON_COMPLIANCE: 'Serious non-compliance',
  } as Record<string, string>,
};
