import { guardedLookup, isPrivateAddress, targetProblem } from './webhook-target';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '0.0.0.0',
  ])('counts %s as private', (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('counts %s as public', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it('refuses a name that resolves to loopback at registration, unless private targets are allowed', async () => {
    expect(await targetProblem('http://localhost:8080/hook', false)).toMatch(/url: localhost resolves to/);
    expect(await targetProblem('http://localhost:8080/hook', true)).toBeUndefined();
    expect(await targetProblem('gopher://example.org/', true)).toMatch(/http or https/);
  });

  it('checks the address again when the delivery connects, so a name re-pointed after registration is refused', async () => {
    const lookup = guardedLookup(false);
    const refused = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (error) => resolve(error)));
    expect(refused?.message).toMatch(/refused: localhost resolves to/);
    const allowed = await new Promise<string>((resolve) =>
      guardedLookup(true)('localhost', {}, (_error, address) => resolve(address as string)),
    );
    expect(isPrivateAddress(allowed)).toBe(true);
  });
});
