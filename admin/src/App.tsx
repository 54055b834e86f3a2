import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/authProvider';
import { AppLayout } from './auth/AppLayout';
import { PasswordPage } from './auth/PasswordPage';
import { TotpPage } from './auth/TotpPage';
import { LoginPage } from './auth/LoginPage';
import { users } from './auth/users';
import { auditLogs } from './audit/audit-logs';
import { companies } from './companies/companies';
import { projects } from './companies/projects';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { queryClient } from './common/queryClient';
import { i18nProvider } from './i18n/i18nProvider';
import { theme } from './i18n/theme';
import { buildings } from './places/buildings';
import { compounds } from './places/compounds';
import { householdClaims } from './places/household-claims';
import { households } from './places/households';
import { owners } from './places/owners';
import { regions } from './places/regions';
import { units } from './places/units';
import { appZh } from './i18n/zh';
import { committees } from './committees/committees';
import { committeeMembers } from './committees/committee-members';
import { committeeFormation } from './committees/formation';
import { votes } from './votes/votes';
import { disclosures } from './disclosures/disclosures';
import { disclosureFlags } from './disclosures/disclosure-flags';
import { partyOrgs } from './party/party-orgs';
import { partyMembers } from './party/party-members';
import { crossAppointments } from './party/cross-appointments';
import { redProjects } from './party/red-projects';
import { partyImport } from './party/import';
import { partyDashboard } from './party/dashboard';
import { staff } from './quality/staff';
import { trainings } from './quality/trainings';
import { staffImport } from './quality/staff-import';
import { trainingRates } from './quality/training-rates';
import { kpiDashboard, kpiTargets } from './kpi';
import { fundAccounts, fundApplications, fundCheck, fundEntries, fundLedgers } from './fund';
import { billingRuns, bills, feeItems, feePayments, feesCollection, receipts } from './fees';
import { payOrders } from './pay';
import { tickets } from './tickets/tickets';
import { ticketStats } from './tickets/ticket-stats';
import { keyRotation } from './security/key-rotation';
import { serviceLevels } from './quality/service-levels';
import { levelAssessments } from './quality/level-assessments';
import { upgradePlans } from './quality/upgrade-plans';
import { upgradePlanItems } from './quality/upgrade-plan-items';
import { awards } from './quality/awards';
import { feeGuidance } from './quality/fee-guidance';
import { costReports } from './quality/cost-reports';
import { qualityStats } from './quality/stats';
import { blacklist } from './credit/blacklist';
import { creditOverview } from './credit/company-overview';
import { creditItems } from './credit/credit-items';
import { creditObjections } from './credit/credit-objections';
import { creditRatings } from './credit/credit-ratings';
import { creditScores } from './credit/credit-scores';
import { lazyPage } from './common/lazyPage';
import { filingStandings, filings } from './supervision/filings';
import { checklistItems } from './supervision/checklist-items';
import { inspections } from './supervision/inspections';
import { hazards } from './supervision/hazards';
import { renewalSurveys } from './renewal/surveys';
import { renewalProgress } from './renewal/progress';
import { renewalCoverage } from './renewal/coverageRate';
import { quasiStandardItems } from './renewal/quasi-standard-items';
import { quasiEnrolments } from './renewal/quasi-enrolments';
import { quasiAssessments } from './renewal/quasi-assessments';
import { subsidyBatches } from './renewal/subsidy-batches';
import { subsidyUsages } from './renewal/subsidy-batches/usages';
import { renovations } from './renewal/renovations';
import { surveys } from './supervision/surveys';
import { surveyResults } from './supervision/survey-results';
import { interviews } from './supervision/interviews';
import { PublicPriceStats } from './quality/public/PublicPriceStats';
import { notifications } from './notifications';
import { jobs } from './jobs';

const PublicCredit = lazyPage(() => import('./credit/public/PublicCredit').then((m) => m.PublicCredit));

// Menus and routes follow authProvider.canAccess: a resource a role may not list is hidden.
export const App = () => (
  <Admin
    title={appZh.title}
    dataProvider={dataProvider}
    queryClient={queryClient}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    theme={theme}
    dashboard={Dashboard}
    loginPage={LoginPage}
    layout={AppLayout}
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
    <Resource name="committees" {...committees} />
    <Resource name="committee-members" {...committeeMembers} />
    <Resource name="committee-formation" {...committeeFormation} />
    <Resource name="votes" {...votes} />
    <Resource name="disclosures" {...disclosures} />
    <Resource name="disclosure-flags" {...disclosureFlags} />
    <Resource name="party-orgs" {...partyOrgs} />
    <Resource name="party-members" {...partyMembers} />
    <Resource name="cross-appointments" {...crossAppointments} />
    <Resource name="red-projects" {...redProjects} />
    <Resource name="party-import" {...partyImport} />
    <Resource name="party-dashboard" {...partyDashboard} />
    <Resource name="fund-accounts" {...fundAccounts} />
    <Resource name="fund-ledgers" {...fundLedgers} />
    <Resource name="fund-entries" {...fundEntries} />
    <Resource name="fund-applications" {...fundApplications} />
    <Resource name="fund-check" {...fundCheck} />
    <Resource name="fee-items" {...feeItems} />
    <Resource name="billing-runs" {...billingRuns} />
    <Resource name="bills" {...bills} />
    <Resource name="fee-payments" {...feePayments} />
    <Resource name="pay-orders" {...payOrders} />
    <Resource name="receipts" {...receipts} />
    <Resource name="fees-collection" {...feesCollection} />
    <Resource name="notifications" {...notifications} />
    <Resource name="jobs" {...jobs} />
    <Resource name="tickets" {...tickets} />
    <Resource name="ticket-events" />
    <Resource name="ticket-stats" {...ticketStats} />
    <Resource name="key-rotation" {...keyRotation} />
    <Resource name="service-levels" {...serviceLevels} />
    <Resource name="level-assessments" {...levelAssessments} />
    <Resource name="upgrade-plans" {...upgradePlans} />
    <Resource name="upgrade-plan-items" {...upgradePlanItems} />
    <Resource name="awards" {...awards} />
    <Resource name="fee-guidance" {...feeGuidance} />
    <Resource name="cost-reports" {...costReports} />
    <Resource name="quality-stats" {...qualityStats} />
    <Resource name="renewal-surveys" {...renewalSurveys} />
    <Resource name="renewal-progress" {...renewalProgress} />
    <Resource name="renewal-coverage" {...renewalCoverage} />
    <Resource name="quasi-enrolments" {...quasiEnrolments} />
    <Resource name="quasi-assessments" {...quasiAssessments} />
    <Resource name="quasi-standard-items" {...quasiStandardItems} />
    <Resource name="subsidy-batches" {...subsidyBatches} />
    <Resource name="subsidy-lines" />
    <Resource name="subsidy-usages" {...subsidyUsages} />
    <Resource name="renovations" {...renovations} />
    <Resource name="surveys" {...surveys} />
    <Resource name="survey-results" {...surveyResults} />
    <Resource name="interviews" {...interviews} />
    <Resource name="credit-overview" {...creditOverview} />
    <Resource name="credit-scores" {...creditScores} />
    <Resource name="credit-items" {...creditItems} />
    <Resource name="credit-objections" {...creditObjections} />
    <Resource name="credit-ratings" {...creditRatings} />
    <Resource name="blacklist" {...blacklist} />
    <Resource name="filings" {...filings} />
    <Resource name="filing-standings" {...filingStandings} />
    <Resource name="inspections" {...inspections} />
    <Resource name="hazards" {...hazards} />
    <Resource name="inspection-checklist-items" {...checklistItems} />
    <CustomRoutes noLayout>
      {/* the association's published statistics: public, no sign-in (issue 12) */}
      <Route path="/public/price-stats" element={<PublicPriceStats />} />
      {/* companies' credit grades and published items: public, no sign-in (issue 10) */}
      <Route path="/public/credit" element={<PublicCredit />} />
    </CustomRoutes>
    <Resource name="staff" {...staff} />
    <Resource name="trainings" {...trainings} />
    <Resource name="staff-import" {...staffImport} />
    <Resource name="training-rates" {...trainingRates} />
    <Resource name="kpi-dashboard" {...kpiDashboard} />
    <Resource name="kpi-targets" {...kpiTargets} />
    <CustomRoutes>
      <Route path="/password" element={<PasswordPage />} />
      <Route path="/totp" element={<TotpPage />} />
    </CustomRoutes>
  </Admin>
);
