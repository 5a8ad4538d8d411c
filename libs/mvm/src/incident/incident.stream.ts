/** One stream per incident case. */
export const incidentStream = (incidentId: string) => `incident-${incidentId}`;
