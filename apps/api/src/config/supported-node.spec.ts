import { unsupportedNodeProblem } from './supported-node';

describe('the Node versions the server runs on', () => {
  it('refuses 24.19 to 24.21 and versions before 20.19, naming the fix', () => {
    for (const v of ['24.19.0', '24.21.0', '24.21.9']) expect(unsupportedNodeProblem(v)).toMatch(/24\.22 or later/);
    expect(unsupportedNodeProblem('20.18.1')).toMatch(/too old/);
    for (const v of ['20.19.0', '20.20.2', '22.23.5', '24.18.1', '24.22.0', '24.22.3', '25.1.0'])
      expect(unsupportedNodeProblem(v)).toBeNull();
  });
});
