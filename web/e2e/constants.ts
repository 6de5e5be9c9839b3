// Accounts the global setup creates with the CLI.
export const ADMIN = {
  username: 'e2eadmin',
  email: 'admin@example.org',
  initialPassword: 'Passw0rd!',
  // the setup changes the CLI password to this one (a password set by someone else must be changed)
  password: 'Adm1n-Pass!',
};

/** A viewer created by the CLI whose first sign-in (forced password change) is done in the UI. */
export const FIRST_LOGIN_USER = {
  username: 'fred.first',
  email: 'fred.first@example.org',
  initialPassword: 'Start123!',
};
