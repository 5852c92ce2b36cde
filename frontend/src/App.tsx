import { useEffect } from 'react';

import { Header } from './components/Header';
import { PageTitle } from './components/PageTitle';
import { ArticleList } from './pages/ArticleList';
import { ArticlePage } from './pages/ArticlePage';
import { Login } from './pages/Login';
import { SignUp } from './pages/SignUp';
import { WriteArticle } from './pages/WriteArticle';
import { type Route, paths, useRoute } from './router';
import { SessionProvider } from './session';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'articles':
      return <ArticleList />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} />;
    case 'write':
      return <WriteArticle />;
    case 'login':
      return <Login />;
    case 'signup':
      return <SignUp />;
    case 'notFound':
      return (
        <>
          <PageTitle>Page not found</PageTitle>
          <p>
            There is nothing at this address. <a href={paths.articles}>See all articles</a>.
          </p>
        </>
      );
  }
}

export function App() {
  const route = useRoute();
  // A new page starts at its top, as it would with real links.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route]);
  return (
    <SessionProvider>
      <Header />
      <main className="content">
        <Page route={route} />
      </main>
    </SessionProvider>
  );
}
