import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;

const memoized = new WeakSet<object>();

/**
 * class-validator looks a DTO's rules up anew on every validation, and that lookup walks every class
 * registered in the process (an `instanceof` per class, for inherited rules): with this API's hundred-odd
 * DTOs it was about 5% of a write's CPU. Rules are fixed once a class is defined (decorators run at
 * definition), so each answer, and its grouping by property, is kept.
 */
export const memoizeValidationMetadata = (storage: Storage = getMetadataStorage()): void => {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const answers = new Map<unknown, Map<string, Metadatas>>();
  const grouped = new WeakMap<Metadatas, ReturnType<Storage['groupByPropertyName']>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = answers.get(target);
    if (!forTarget) answers.set(target, (forTarget = new Map()));
    let answer = forTarget.get(key);
    if (!answer) forTarget.set(key, (answer = lookup(target, schema, always, strictGroups, groups)));
    return answer;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) grouped.set(metadatas, (byProperty = group(metadatas)));
    return byProperty;
  };
};
