import { namedSchema, object, pageOf, UUID } from '../http/contract/named-schema';
import { agreementProperties } from './get-agreement.response.schema';

export const AgreementSummary = namedSchema(
  'AgreementSummary',
  object({ id: UUID, ...agreementProperties }, ['monitoringComponents']),
);

export const AgreementPage = pageOf('AgreementPage', 'agreements', AgreementSummary);
