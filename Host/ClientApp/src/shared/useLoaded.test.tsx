import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLoaded } from './useLoaded';

/** A read whose answer the test gives when it likes, so answers can come out of order. */
function pendingReads() {
  const answers: Array<{ resolve(value: string): void; reject(error: unknown): void }> = [];
  const read = () => new Promise<string>((resolve, reject) => { answers.push({ resolve, reject }); });
  return { read, answers };
}

describe('useLoaded', () => {
  it('keeps the newest read when an older one answers last', async () => {
    const { read, answers } = pendingReads();
    const { result, rerender } = renderHook(({ key }) => useLoaded(read, [key]), { initialProps: { key: 1 } });
    rerender({ key: 2 });
    expect(answers).toHaveLength(2);

    await act(async () => answers[1].resolve('after the answer'));
    await act(async () => answers[0].resolve('before the answer'));
    expect(result.current.data).toBe('after the answer');
  });

  it('reads again on reload and on a change of its deps, not on a plain render', async () => {
    const { read, answers } = pendingReads();
    const { result, rerender } = renderHook(({ key }) => useLoaded(read, [key]), { initialProps: { key: 1 } });
    rerender({ key: 1 });
    expect(answers).toHaveLength(1);
    act(() => result.current.reload());
    expect(answers).toHaveLength(2);
    await act(async () => answers[1].resolve('reloaded'));
    expect(result.current.data).toBe('reloaded');
  });

  it('lets what an action answered stand over a read begun before it', async () => {
    const { read, answers } = pendingReads();
    const { result } = renderHook(() => useLoaded(read, []));
    act(() => result.current.show('the action'));
    await act(async () => answers[0].resolve('stale'));
    expect(result.current.data).toBe('the action');
  });

  it('changes what is shown with an action\'s answer, and a read begun before it does not undo that', async () => {
    const { read, answers } = pendingReads();
    const { result } = renderHook(() => useLoaded(read, []));
    await act(async () => answers[0].resolve('sheet'));
    act(() => result.current.reload());
    act(() => result.current.show((shown) => `${shown} + note`));
    expect(result.current.data).toBe('sheet + note');
    await act(async () => answers[1].resolve('sheet'));
    expect(result.current.data).toBe('sheet + note');
  });

  it('keeps what it showed when a read fails, and says why until a read succeeds', async () => {
    const { read, answers } = pendingReads();
    const { result } = renderHook(() => useLoaded(read, []));
    await act(async () => answers[0].resolve('first'));
    act(() => result.current.reload());
    const offline = new Error('offline');
    await act(async () => answers[1].reject(offline));
    expect(result.current.data).toBe('first');
    expect(result.current.error).toBe(offline);
    act(() => result.current.reload());
    await act(async () => answers[2].resolve('second'));
    expect(result.current).toMatchObject({ data: 'second', error: null });
  });

  it('shows the fallback, when given, in place of a failed read', async () => {
    const { read, answers } = pendingReads();
    const { result } = renderHook(() => useLoaded(read, [], () => 'none'));
    await act(async () => answers[0].reject(new Error('offline')));
    await waitFor(() => expect(result.current.data).toBe('none'));
  });
});
