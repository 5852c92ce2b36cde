import { useEffect } from 'react';

/** The page's heading, also used as the browser tab's title. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · BFF Articles`;
  }, [children]);
  return <h1>{children}</h1>;
}
