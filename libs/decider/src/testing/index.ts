export { DeciderSpecification } from './decider.specification';
