import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { errorLines, errorText } from './errorText';

describe('error text', () => {
  it("shows the server's problem and an error's message", () => {
    expect(errorText(new ApiError(409, '状态冲突 / Conflict Already launched.'))).toBe('状态冲突 / Conflict Already launched.');
    expect(errorText(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });

  it('shows anything else thrown as itself, or the fallback given', () => {
    expect(errorText('offline')).toBe('offline');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText({ reason: 1 }, 'Sign-in failed')).toBe('Sign-in failed');
    expect(errorText(new Error('Wrong password'), 'Sign-in failed')).toBe('Wrong password');
  });

  it('lists each problem the server named, else the one text', () => {
    expect(errorLines(new ApiError(400, 'Invalid request', ['subject: unclosed {{', 'html: unknown field']))).toEqual(['subject: unclosed {{', 'html: unknown field']);
    expect(errorLines(new ApiError(400, 'Invalid request'))).toEqual(['Invalid request']);
    expect(errorLines(new Error('boom'))).toEqual(['boom']);
    expect(errorLines(42)).toEqual(['42']);
  });
});
