import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setAntiforgeryToken } from '../api/http';
import type { SignedInUser } from '../api/types';
import { syncServerClock } from '../shared/format';
import { savedLanguage } from '../i18n';
import { getAntiforgeryToken, getClock, getSignedInUser, login, logout, rememberLanguage } from './api';

async function syncClock(): Promise<void> {
  syncServerClock((await getClock()).now);
}

type Auth = {
  user: SignedInUser | null;
  checking: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: string[]): boolean;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [checking, setChecking] = useState(true);

  // A session that survived a reload: who it is, and a fresh anti-forgery token for it.
  useEffect(() => {
    (async () => {
      try {
        // Independent requests: asked at once, as each round trip delays the first page.
        const [me, antiforgery] = await Promise.all([getSignedInUser(), getAntiforgeryToken(), syncClock()]);
        setAntiforgeryToken(antiforgery.token);
        // In a transition, the spinner stays until the first page's code has loaded, and the page
        // then shows at once. Otherwise React shows a fallback for it, and content that replaces a
        // fallback appears no sooner than 300 ms after the fallback did.
        startTransition(() => {
          setUser(me);
          setChecking(false);
        });
      } catch {
        setUser(null);
        setChecking(false);
      }
    })();
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const signedIn = await login(email, password);
    setAntiforgeryToken(signedIn.antiforgeryToken ?? null);
    // The language chosen before signing in is the one their e-mails are written in.
    await Promise.all([syncClock(), rememberLanguage(savedLanguage()).catch(() => undefined)]);
    setUser(signedIn);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setAntiforgeryToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo<Auth>(() => ({
    user, checking, signIn, signOut,
    hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
  }), [user, checking, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
