// The Host's live updates: server-sent events on /api/live, one stream per tab shared by every
// page. An event only says what changed (the reader's tasks, an instance, a campaign); the page
// fetches it again. EventSource reconnects by itself after a drop.

export type LiveType = 'tasks' | 'instance' | 'campaign';
type Listener = (id: string) => void;

const types: LiveType[] = ['tasks', 'instance', 'campaign'];
const listeners = new Map<LiveType, Set<Listener>>(types.map((type) => [type, new Set<Listener>()]));
let source: EventSource | null = null;

function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/live');
  for (const type of types)
    source.addEventListener(type, (event) => listeners.get(type)!.forEach((listener) => listener((event as MessageEvent<string>).data)));
}

function disconnectWhenUnused(): void {
  if ([...listeners.values()].some((set) => set.size > 0)) return;
  source?.close();
  source = null;
}

/** Calls the listener with the changed item's id on every event of this type; returns the unsubscribe. */
export function onLive(type: LiveType, listener: Listener): () => void {
  listeners.get(type)!.add(listener);
  connect();
  return () => {
    listeners.get(type)!.delete(listener);
    disconnectWhenUnused();
  };
}

/**
 * Runs `action` at once, then at most once per `interval` however many calls come meanwhile (a
 * launch moves thousands of instances); a call during the pause runs once when it ends.
 */
export function throttle(action: () => void, interval: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const run = () => {
    if (timer) {
      pending = true;
      return;
    }
    action();
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        pending = false;
        run();
      }
    }, interval);
  };
  run.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = false;
  };
  return run;
}
