import { namedSchema, object, pageOf, UUID } from '../http/contract/named-schema';
import { commitmentProperties } from './get-commitment.response.schema';

export const CommitmentSummary = namedSchema('CommitmentSummary', object({ id: UUID, ...commitmentProperties }));

export const CommitmentPage = pageOf('CommitmentPage', 'commitments', CommitmentSummary);
