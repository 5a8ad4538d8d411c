/** Every agreement's events are in one stream of the agreement category. */
export const AGREEMENT_CATEGORY = 'agreement';

export const agreementStream = (agreementId: string) => `${AGREEMENT_CATEGORY}-${agreementId}`;

export const agreementIdOf = (stream: string) => stream.slice(AGREEMENT_CATEGORY.length + 1);
