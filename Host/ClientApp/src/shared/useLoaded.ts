import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  /** The newest answer, or null until the first one arrives. */
  data: T | null;
  /** Why the newest read failed; null once one succeeds. */
  error: unknown;
  /** Loads again (after an action that changed what is shown). */
  reload(): void;
  /** Shows what an action answered (or changes what is shown with it), newer than any load still under way. */
  show(value: T | null | ((shown: T | null) => T | null)): void;
}

/**
 * Data read from the server, read again whenever `deps` change or `reload()` is called, keeping
 * only the newest answer. The campaign page reloads its cards on every live update, so a read
 * begun before an action committed can answer after the read that followed the action; without
 * this, its stale answer would overwrite the fresh one and stay until the next update.
 * A failed read keeps what is shown, or shows `onError`'s value when it is given.
 */
export function useLoaded<T>(read: () => Promise<T>, deps: DependencyList, onError?: (error: unknown) => T | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const newest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);

  // The caller's deps stand for what `read` and `onError` close over, as with useCallback.
  const reload = useCallback(() => {
    const ticket = ++newest.current;
    const superseded = () => !mounted.current || ticket !== newest.current;
    read().then(
      (value) => {
        if (superseded()) return;
        setData(value);
        setError(null);
      },
      (failure: unknown) => {
        if (superseded()) return;
        if (onError) setData(onError(failure));
        setError(failure);
      });
  }, deps);
  useEffect(reload, [reload]);

  const show = useCallback((value: T | null | ((shown: T | null) => T | null)) => {
    newest.current++;
    setData(value);
    setError(null);
  }, []);
  return { data, error, reload, show };
}
