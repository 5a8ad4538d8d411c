import { useState } from 'preact/hooks';
import { AgreementListPage } from '../agreements/agreement-list.page';
import { AgreementDashboardPage } from '../agreements/agreement-dashboard.page';
import { CaseReplayPage } from '../cases/case-replay.page';
import { IncidentsPage } from '../incidents/incidents.page';
import { LedgerPage } from '../ledger/ledger.page';
import { LiveBreachesPage } from '../live/live-breaches.page';
import { SignInPage } from '../session/sign-in.page';
import { signedIn, signOut } from '../session/session';
import { messages } from './messages';
import { href, type Route, useRoute } from './router';

const page = (route: Route) => {
  const [first, id, sub] = route.path;
  if (first === 'agreements' && id && sub === 'incidents') return <IncidentsPage agreementId={id} route={route} />;
  if (first === 'agreements' && id) return <AgreementDashboardPage agreementId={id} route={route} />;
  if (first === 'incidents' && id) return <CaseReplayPage incidentId={id} route={route} />;
  if (first === 'live') return <LiveBreachesPage />;
  if (first === 'ledger') return <LedgerPage route={route} />;
  return <AgreementListPage />;
};

export const ConsoleApp = () => {
  const [, setSession] = useState(0);
  const route = useRoute();
  if (!signedIn()) return <SignInPage onSignedIn={() => setSession((n) => n + 1)} />;
  const here = route.path[0] ?? 'agreements';
  const link = (to: string, label: string) => (
    <a href={href([to])} aria-current={here === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">{messages.product}</span>
        <nav aria-label="Sections">
          {link('agreements', messages.nav.agreements)}
          {link('live', messages.nav.live)}
          {link('ledger', messages.nav.ledger)}
        </nav>
        <button type="button" class="quiet" onClick={signOut}>
          {messages.signIn.signOut}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {page(route)}
      </main>
    </>
  );
};
