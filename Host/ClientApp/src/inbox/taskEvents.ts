// The inbox tells the rest of the page when the user's open tasks changed (one was answered), so
// the menu's count follows at once instead of on the next navigation.
const events = new EventTarget();

export function tasksChanged(): void {
  events.dispatchEvent(new Event('changed'));
}

/** Calls the listener whenever the open tasks changed; returns the unsubscribe. */
export function onTasksChanged(listener: () => void): () => void {
  events.addEventListener('changed', listener);
  return () => events.removeEventListener('changed', listener);
}
