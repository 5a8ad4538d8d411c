import { type Actor, caseViewFor, type IncidentCase, type Sealed } from '@ceasefire/mvm';
import { unseal } from '../confidential/sealing';
import type { SubjectKeyStore } from '../confidential/subject-key.store';

type Witness = { name: string; contact?: string };

/**
 * The case as one reader may see it (the domain decides what), with each witness opened for a reader
 * cleared for it, or shown as erased once its key was shredded. Null: not this reader's to see.
 */
export const presentCase = <T extends IncidentCase>(
  reader: Actor,
  found: T,
  agreementParties: string[],
  keys: SubjectKeyStore,
) => {
  const view = caseViewFor(reader, found, agreementParties);
  if (!view) return null;
  return {
    ...found,
    ...view,
    reporter: {
      ...view.reporter,
      ...(view.reporter.contact && 'sealed' in view.reporter.contact
        ? { contact: openSealed<string>(keys, 'reporter-contact', view.reporter.contact) }
        : {}),
    },
    interviews: view.interviews.map((i) => ({
      ...i,
      witness: 'sealed' in i.witness ? openWitness(keys, i.witness) : i.witness,
    })),
  };
};

const openSealed = <T>(keys: SubjectKeyStore, kind: string, sealed: Sealed) => {
  const opened = unseal<T>(keys, kind, sealed);
  return 'value' in opened ? opened.value : { erased: true, subjectKeyId: opened.subjectKeyId };
};
const openWitness = (keys: SubjectKeyStore, sealed: Sealed) => openSealed<Witness>(keys, 'witness', sealed);
