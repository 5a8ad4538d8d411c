import { must } from '@ceasefire/api-client';
import { api } from '../session/session';
import { Loaded } from '../shell/problem';
import { href } from '../shell/router';
import { useResource } from '../shell/use-resource';

export const AgreementListPage = () => {
  const agreements = useResource(() => must(api().GET('/v1/agreements', { params: { query: { limit: 100 } } })), []);
  return (
    <section aria-labelledby="agreements-title">
      <h1 id="agreements-title">Agreements</h1>
      <Loaded resource={agreements}>
        {(page) =>
          page.agreements.length === 0 ? (
            <p>No agreement is recorded that you may read.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Agreement</th>
                  <th scope="col">Parties</th>
                  <th scope="col">Status</th>
                  <th scope="col">In force since</th>
                </tr>
              </thead>
              <tbody>
                {page.agreements.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a href={href(['agreements', a.id])} dir="auto">
                        {a.title}
                      </a>
                    </td>
                    <td>{a.parties.map((p) => p.name).join(' · ')}</td>
                    <td>{a.status}</td>
                    <td>
                      <time dateTime={a.effectiveAt}>{new Date(a.effectiveAt).toUTCString()}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
};
