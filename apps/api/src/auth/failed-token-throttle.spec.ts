import { FailedTokenThrottle, TooManyRefusedTokens } from './failed-token-throttle';

describe('failed token throttle', () => {
  it('refuses a client past its allowance until the window ends, and no one else', () => {
    let now = 0;
    const throttle = new FailedTokenThrottle(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      throttle.check('a');
      throttle.failed('a');
    }
    expect(() => throttle.check('a')).toThrow(TooManyRefusedTokens);
    expect(() => throttle.check('b')).not.toThrow();
    now = 1000;
    expect(() => throttle.check('a')).not.toThrow();
  });
});
