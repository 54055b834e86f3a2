import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { users } from './auth/users';
import { auditLogs } from './audit/audit-logs';
import { companies } from './companies/companies';
import { projects } from './companies/projects';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { buildings } from './places/buildings';
import { compounds } from './places/compounds';
import { householdClaims } from './places/household-claims';
import { households } from './places/households';
import { owners } from './places/owners';
import { regions } from './places/regions';
import { units } from './places/units';
import { appZh } from './i18n/zh';

// Menus and routes follow authProvider.canAccess: a resource a role may not list is hidden.
export const App = () => (
  <Admin
    title={appZh.title}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    <Resource name="compounds" {...compounds} />
    <Resource name="buildings" {...buildings} />
    <Resource name="units" {...units} />
    <Resource name="households" {...households} />
    <Resource name="owners" {...owners} />
    <Resource name="household-claims" {...householdClaims} />
    <Resource name="companies" {...companies} />
    <Resource name="projects" {...projects} />
    <Resource name="regions" {...regions} />
    <Resource name="users" {...users} />
    <Resource name="audit-logs" {...auditLogs} />
  </Admin>
);
