import { useState } from 'react';

import { execute } from '../api/client';
import { useAction } from '../api/useAction';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { LoginDocument } from '../gql/graphql';
import { navigate, paths } from '../router';
import { useSession } from '../session';

// The users service answers a wrong email or password with UNAUTHENTICATED, the same for both.
const LOGIN_MESSAGES = { UNAUTHENTICATED: 'Email or password is incorrect.' };

export function Login() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, pending, error } = useAction();
  return (
    <>
      <PageTitle>Log in</PageTitle>
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const { login } = await execute(LoginDocument, { email, password });
            session.signIn(login);
            navigate(paths.articles);
          });
        }}
      >
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} />
        <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <ErrorMessage error={error} messages={LOGIN_MESSAGES} />
        <button type="submit" disabled={pending}>
          Log in
        </button>
      </form>
      <p className="muted">
        New here? <a href={paths.signup}>Create an account</a>.
      </p>
    </>
  );
}
