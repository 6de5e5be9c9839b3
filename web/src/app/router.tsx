// Every route of the app.
import { createBrowserRouter } from 'react-router';
import { GROUPS_VIEW, PERMISSIONS } from '@/lib/permissions';
import { AccountPage } from '@/features/account/pages/AccountPage';
import { AuditPage } from '@/features/audit/pages/AuditPage';
import { ChangePasswordPage } from '@/features/auth/pages/ChangePasswordPage';
import { ForgotPasswordPage } from '@/features/auth/pages/ForgotPasswordPage';
import { LoginPage } from '@/features/auth/pages/LoginPage';
import { ResetPasswordPage, VerifyPage } from '@/features/auth/pages/TokenPasswordPage';
import { HomePage } from '@/features/home/pages/HomePage';
import { ImportDetailPage } from '@/features/imports/pages/ImportDetailPage';
import { ImportLearnersPage } from '@/features/imports/pages/ImportLearnersPage';
import { CreateLearnerPage } from '@/features/learners/pages/CreateLearnerPage';
import { LearnerDetailPage } from '@/features/learners/pages/LearnerDetailPage';
import { LearnersPage } from '@/features/learners/pages/LearnersPage';
import { MyProfilePage } from '@/features/learners/pages/MyProfilePage';
import { NeverLoggedInPage } from '@/features/learners/pages/NeverLoggedInPage';
import { NotificationsPage } from '@/features/notifications/pages/NotificationsPage';
import { QualificationCataloguePage } from '@/features/qualifications/pages/QualificationCataloguePage';
import { OutboxPage } from '@/features/outbox/pages/OutboxPage';
import { ProviderDetailPage } from '@/features/providers/pages/ProviderDetailPage';
import { ProvidersPage } from '@/features/providers/pages/ProvidersPage';
import { QualificationTransferPage } from '@/features/qualification-transfer/pages/QualificationTransferPage';
import { SettingsPage } from '@/features/settings/pages/SettingsPage';
import { GroupPage } from '@/features/groups/pages/GroupPage';
import { GroupsPage } from '@/features/groups/pages/GroupsPage';
import { CreateUserPage } from '@/features/users/pages/CreateUserPage';
import { UserDetailPage } from '@/features/users/pages/UserDetailPage';
import { UsersPage } from '@/features/users/pages/UsersPage';
import { AuthEvents } from './AuthEvents';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequirePermission } from './RequirePermission';

const guard = (permission: string | readonly string[], el: React.ReactNode) => <RequirePermission permission={permission}>{el}</RequirePermission>;

export const routes = [
  {
    element: <AuthEvents />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password/:token', element: <ResetPasswordPage /> },
          { path: '/verify/:token', element: <VerifyPage /> },
          { path: '/change-password', element: <ChangePasswordPage /> },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/account', element: <AccountPage /> },
          { path: '/profile', element: <MyProfilePage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/learners', element: guard(PERMISSIONS.learnersView, <LearnersPage />) },
          { path: '/learners/new', element: guard(PERMISSIONS.learnersEdit, <CreateLearnerPage />) },
          { path: '/learners/import', element: guard(PERMISSIONS.learnersEdit, <ImportLearnersPage />) },
          { path: '/learners/never-logged-in', element: guard(PERMISSIONS.learnersEdit, <NeverLoggedInPage />) },
          { path: '/learners/qualifications-transfer', element: guard(PERMISSIONS.learnersEdit, <QualificationTransferPage />) },
          { path: '/learners/:id', element: guard(PERMISSIONS.learnersView, <LearnerDetailPage />) },
          // your own imports (any, for administrators): the server decides who sees which
          { path: '/imports/:id', element: <ImportDetailPage /> },
          { path: '/groups', element: guard(GROUPS_VIEW, <GroupsPage />) },
          { path: '/groups/:id', element: guard(GROUPS_VIEW, <GroupPage />) },
          { path: '/admin/users', element: guard(PERMISSIONS.usersView, <UsersPage />) },
          { path: '/admin/users/new', element: guard(PERMISSIONS.usersEdit, <CreateUserPage />) },
          { path: '/admin/users/:id', element: guard(PERMISSIONS.usersView, <UserDetailPage />) },
          { path: '/admin/providers', element: guard(PERMISSIONS.providersView, <ProvidersPage />) },
          { path: '/admin/providers/:id', element: guard(PERMISSIONS.providersView, <ProviderDetailPage />) },
          { path: '/admin/outbox', element: guard(PERMISSIONS.outboxView, <OutboxPage />) },
          { path: '/admin/audit', element: guard(PERMISSIONS.auditView, <AuditPage />) },
          { path: '/admin/settings', element: guard(PERMISSIONS.settingsEdit, <SettingsPage />) },
          { path: '/admin/qualifications', element: guard(PERMISSIONS.settingsEdit, <QualificationCataloguePage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function makeRouter() {
  return createBrowserRouter(routes);
}
