import { INTEGER, namedSchema, object, POSITION, UUID } from '../../http/contract/named-schema';
import { BEARER_TOKEN } from '../principal-lifecycle/principal-lifecycle.response.schema';

export const PrincipalRegistered = namedSchema(
  'PrincipalRegistered',
  object({ id: UUID, token: BEARER_TOKEN, revision: INTEGER, position: POSITION }),
);
