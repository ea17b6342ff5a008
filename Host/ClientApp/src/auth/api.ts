// The sign-in calls and the server's clock, for AuthContext.
import { get, post } from '../api/http';
import type { AntiforgeryToken, ClockState, SignedInUser } from '../api/types';

export const getClock = () => get<ClockState>('/api/clock');

export const getSignedInUser = () => get<SignedInUser>('/api/auth/me');

export const getAntiforgeryToken = () => get<AntiforgeryToken>('/api/auth/antiforgery');

/** The person signed in, with a fresh anti-forgery token (what /api/auth/me returns; the document does not say so). */
export const login = (email: string, password: string) => post<SignedInUser>('/api/auth/login', { email, password });

export const logout = () => post<void>('/api/auth/logout');
