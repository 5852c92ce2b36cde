import { trustedDocumentsManifest } from '../src/trustedDocumentsManifest';

describe('trustedDocumentsManifest', () => {
  it('keys each document by the hash of its printed form, so layout does not matter', () => {
    const compact = trustedDocumentsManifest([{ file: 'A.graphql', text: 'query A{me{id}}' }]);
    const spaced = trustedDocumentsManifest([{ file: 'A.graphql', text: 'query A {\n  me {\n    id\n  }\n}\n' }]);
    expect(compact).toEqual(spaced);
    expect(Object.values(compact)).toEqual(['query A {\n  me {\n    id\n  }\n}']);
  });
});
