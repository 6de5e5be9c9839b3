// Client-side checks that mirror the server's rules, to say early what the server would refuse.

export const USERNAME_HINT = 'Between 6 and 256 characters: letters, numbers and @ . - _';

export function usernameError(v: string): string | null {
  const s = v.trim();
  if (!s) return 'Enter a username';
  if (s.length < 6 || s.length > 256 || !/^[A-Za-z0-9@._-]+$/.test(s)) return 'The username must be between 6 and 256 characters: letters, numbers and @ . - _';
  return null;
}
