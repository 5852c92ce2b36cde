import { useState } from 'react';

import { execute } from '../api/client';
import { useAction } from '../api/useAction';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { CreateArticleDocument } from '../gql/graphql';
import { navigate, paths } from '../router';
import { useSession } from '../session';

export function WriteArticle() {
  const session = useSession();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { run, pending, error } = useAction();

  if (session.status === 'signedOut') {
    return (
      <>
        <PageTitle>Write an article</PageTitle>
        <p>You need to be logged in to write an article.</p>
      </>
    );
  }
  return (
    <>
      <PageTitle>Write an article</PageTitle>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const { createArticle } = await execute(CreateArticleDocument, { input: { title, body } });
            navigate(paths.article(createArticle.id));
          });
        }}
      >
        <Field label="Title" value={title} onChange={setTitle} />
        <Field label="Body" rows={14} value={body} onChange={setBody} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={pending}>
          Publish
        </button>
      </form>
    </>
  );
}
