import { sealNew, unseal } from './sealing';
import { SqliteSubjectKeyStore } from './subject-key.store';

describe('sealed values', () => {
  it('open under their key, as what they were sealed as, and read as erased once the key is destroyed', () => {
    const keys = new SqliteSubjectKeyStore(':memory:');
    const witness = { name: 'A. Witness', contact: '+92 300 0000000' };
    const sealed = sealNew(keys, 'witness', witness);
    expect(JSON.stringify(sealed)).not.toContain('Witness');
    expect(unseal(keys, 'witness', sealed)).toEqual({ value: witness });
    expect(() => unseal(keys, 'source', sealed)).toThrow();
    keys.destroy(sealed.sealed.kid);
    expect(unseal(keys, 'witness', sealed)).toEqual({ erased: true, subjectKeyId: sealed.sealed.kid });
    keys.close();
  });
});
