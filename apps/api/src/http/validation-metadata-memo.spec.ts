import { jest } from '@jest/globals';
import { getMetadataStorage, IsInt, IsString, Min, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-memo';

class Report {
  @IsString() place!: string;
}
class CountedReport extends Report {
  @IsInt() @Min(0) casualties!: number;
}

const errorsOf = (object: object) =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true }).map((e) => [e.property, e.constraints]);

describe('the memo of class-validator rule lookups', () => {
  const storage = getMetadataStorage();
  const bad = () => Object.assign(new CountedReport(), { place: 7, casualties: -1, extra: true });
  const before = errorsOf(bad());

  beforeAll(() => memoizeValidationMetadata(storage));

  it('finds the same rules, inherited ones included, and rejects the same input the same way', () => {
    expect(errorsOf(bad())).toEqual(before);
    expect(before.map(([property]) => property).sort()).toEqual(['casualties', 'extra', 'place']);
    expect(errorsOf(Object.assign(new CountedReport(), { place: 'Torkham', casualties: 3 }))).toEqual([]);
  });

  it('asks class-validator once per class and options, not once per validation', () => {
    const rules = [{ propertyName: 'place' }, { propertyName: 'place' }, { propertyName: 'casualties' }];
    const fake = {
      getTargetValidationMetadatas: jest.fn(() => rules),
      groupByPropertyName: jest.fn(() => ({ place: rules.slice(0, 2), casualties: rules.slice(2) })),
    } as unknown as typeof storage;
    const [lookup, group] = [fake.getTargetValidationMetadatas, fake.groupByPropertyName];
    memoizeValidationMetadata(fake);
    for (let i = 0; i < 3; i++) {
      const found = fake.getTargetValidationMetadatas(CountedReport, '', false, false);
      fake.groupByPropertyName(found);
    }
    fake.getTargetValidationMetadatas(CountedReport, '', false, false, ['admin']);
    fake.getTargetValidationMetadatas(Report, '', false, false);
    expect(fake.getTargetValidationMetadatas(CountedReport, '', false, false)).toBe(rules);
    // One lookup per (class, options): CountedReport without groups, with ['admin'], and Report.
    expect(lookup).toHaveBeenCalledTimes(3);
    expect(group).toHaveBeenCalledTimes(1);
  });
});
