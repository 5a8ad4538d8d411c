import { useState } from 'preact/hooks';
import { messages } from '../shell/messages';
import { describeError } from '../shell/use-resource';
import { signIn } from './session';

export const SignInPage = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token);
      setToken('');
      onSignedIn();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>{messages.product}</h1>
      <form onSubmit={submit} aria-describedby="token-hint">
        <h2>{messages.signIn.title}</h2>
        <label for="token">{messages.signIn.token}</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
        />
        <p id="token-hint" class="hint">
          {messages.signIn.hint}
        </p>
        <button type="submit" disabled={busy}>
          {messages.signIn.submit}
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
};
