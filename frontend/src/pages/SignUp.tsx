import { useState } from 'react';

import { execute } from '../api/client';
import { useAction } from '../api/useAction';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { RegisterDocument } from '../gql/graphql';
import { navigate, paths } from '../router';
import { useSession } from '../session';

export function SignUp() {
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, pending, error } = useAction();
  return (
    <>
      <PageTitle>Sign up</PageTitle>
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            // A taken email or a short password comes back as BAD_USER_INPUT with a message to show.
            const { register } = await execute(RegisterDocument, { input: { name, email, password } });
            session.signIn(register);
            navigate(paths.articles);
          });
        }}
      >
        <Field label="Name" autoComplete="name" value={name} onChange={setName} />
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} />
        <Field label="Password" type="password" autoComplete="new-password" value={password} onChange={setPassword} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={pending}>
          Sign up
        </button>
      </form>
      <p className="muted">
        Have an account? <a href={paths.login}>Go to the login page</a>.
      </p>
    </>
  );
}
