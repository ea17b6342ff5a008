// The sign-in calls and the server's clock, for AuthContext.
import { get, post, put } from '../api/http';
import type { AntiforgeryToken, ClockState, SignedInUser } from '../api/types';

export const getClock = () => get<ClockState>('/api/clock');

export const getSignedInUser = () => get<SignedInUser>('/api/auth/me');

export const getAntiforgeryToken = () => get<AntiforgeryToken>('/api/auth/antiforgery');

/** The person signed in, with a fresh anti-forgery token (what /api/auth/me returns; the document does not say so). */
export const login = (email: string, password: string) => post<SignedInUser>('/api/auth/login', { email, password });

export const logout = () => post<void>('/api/auth/logout');

/** The language the signed-in person reads: e-mails to them (reminders, the leaders' digest) follow it. */
export const rememberLanguage = (language: string) => put<void>('/api/auth/me/language', { language });

/** The signed-in user's own password; other sessions end, this one goes on. */
export const changePassword = (currentPassword: string, newPassword: string) => post<void>('/api/auth/password', { currentPassword, newPassword });

/** Asks for a reset link by e-mail; the answer is the same whether or not the address has an account. */
export const requestPasswordReset = (email: string) => post<void>('/api/auth/password-reset', { email });

/** Sets a new password from the link's token (once, within the hour). */
export const resetPassword = (token: string, newPassword: string) => post<void>('/api/auth/password-reset/confirm', { token, newPassword });
