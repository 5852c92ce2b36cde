import { ErrorMessage } from './ErrorMessage';
import { paths } from '../router';
import { useSession } from '../session';

export function Header() {
  const session = useSession();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a className="brand" href={paths.articles}>
          BFF Articles
        </a>
        <nav aria-label="Main">
          {session.status === 'signedIn' && (
            <>
              <a href={paths.write}>Write</a>
              <span className="viewer" aria-label="Signed in as">
                {session.me.name}
              </span>
              <button type="button" className="secondary" onClick={session.logOut}>
                Log out
              </button>
            </>
          )}
          {session.status === 'signedOut' && (
            <>
              <a href={paths.login}>Log in</a>
              <a href={paths.signup}>Sign up</a>
            </>
          )}
        </nav>
      </div>
      <ErrorMessage error={session.checkError} />
    </header>
  );
}
