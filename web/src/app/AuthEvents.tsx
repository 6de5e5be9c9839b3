// Routes the API client's global answers: 401 → sign-in page, 403 password_change_required →
// forced password change. Installed once, at the root of the router.
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setAuthHandlers } from '@/lib/api-client';
import { meQueryKey } from '@/features/auth/api';

export function AuthEvents() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setAuthHandlers({
      onUnauthenticated: () => {
        qc.setQueryData(meQueryKey, null);
        navigate('/login', { replace: true, state: { from: location.pathname + location.search, notice: 'Your session has ended. Sign in again to continue.' } });
      },
      onPasswordChangeRequired: () => {
        void qc.invalidateQueries({ queryKey: meQueryKey });
        navigate('/change-password', { replace: true });
      },
    });
  }, [navigate, location, qc]);
  return <Outlet />;
}
