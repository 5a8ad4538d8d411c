import { type ApiSchemas, must } from '@ceasefire/api-client';
import { api } from '../session/session';

export type CaseFile = ApiSchemas['CaseFile'];
export type IncidentFilter = { status?: CaseFile['status']; party?: string; category?: CaseFile['category'] };

/** Every case of an agreement the reader may see, page after page (1,000 a page), up to `max`. */
export const allIncidents = async (agreementId: string, filter: IncidentFilter = {}, max = 10_000) => {
  const incidents: CaseFile[] = [];
  let cursor: string | undefined;
  do {
    const page = await must(
      api().GET('/v1/agreements/{id}/incidents', {
        params: { path: { id: agreementId }, query: { ...filter, limit: 1000, cursor } },
      }),
    );
    incidents.push(...page.incidents);
    cursor = page.next ?? undefined;
  } while (cursor && incidents.length < max);
  return incidents;
};
