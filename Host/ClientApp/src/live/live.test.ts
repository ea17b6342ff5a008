import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onLive, throttle } from './live';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then once more after the pause however many calls came', () => {
    const action = vi.fn();
    const run = throttle(action, 1000);
    run();
    run();
    run();
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('does nothing more once cancelled', () => {
    const action = vi.fn();
    const run = throttle(action, 1000);
    run();
    run();
    run.cancel();
    vi.advanceTimersByTime(2000);
    expect(action).toHaveBeenCalledTimes(1);
  });
});

describe('onLive', () => {
  class FakeEventSource {
    static last: FakeEventSource | null = null;
    closed = false;
    handlers = new Map<string, (event: MessageEvent<string>) => void>();
    constructor(public url: string) { FakeEventSource.last = this; }
    addEventListener(type: string, handler: (event: MessageEvent<string>) => void) { this.handlers.set(type, handler); }
    close() { this.closed = true; }
    emit(type: string, data: string) { this.handlers.get(type)?.(new MessageEvent(type, { data })); }
  }

  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('shares one stream, hands each listener its events, and closes when nobody listens', () => {
    const campaigns: string[] = [];
    const tasks = vi.fn();
    const stopCampaigns = onLive('campaign', (id) => campaigns.push(id));
    const stopTasks = onLive('tasks', tasks);
    const stream = FakeEventSource.last!;
    expect(stream.url).toBe('/api/live');

    stream.emit('campaign', 'c-1');
    stream.emit('tasks', '');
    expect(campaigns).toEqual(['c-1']);
    expect(tasks).toHaveBeenCalledTimes(1);

    stopCampaigns();
    expect(stream.closed).toBe(false);
    stopTasks();
    expect(stream.closed).toBe(true);
  });
});
