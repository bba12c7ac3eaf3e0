import { type Metadata, type ServerUnaryCall } from '@grpc/grpc-js';
import { anIdentity } from '@medgrid/testing';
import { EventEmitter } from 'node:events';
import { UnaryCallContext } from './unary-call-context';

/** What UnaryCallContext reads of grpc-js's unary call: its metadata, `cancelled` and the 'cancelled' event. */
class FakeCall extends EventEmitter {
  cancelled = false;
  readonly metadata = {} as Metadata;

  hangUp(): void {
    this.cancelled = true;
    this.emit('cancelled', 'cancelled');
  }
}

describe(UnaryCallContext.name, () => {
  const identity = anIdentity();
  const expires = new Date(Date.now() + 60_000);
  const contextOf = (call: FakeCall, deadline?: Date) =>
    new UnaryCallContext(identity, expires, deadline, call as unknown as ServerUnaryCall<unknown, unknown>);

  afterEach(() => jest.useRealTimers());

  it('listens for the caller and arms no timer until the handler reads its signal', () => {
    jest.useFakeTimers();
    const call = new FakeCall();
    const sut = contextOf(call, new Date(Date.now() + 1_000));

    const before = { listeners: call.listenerCount('cancelled'), timers: jest.getTimerCount() };
    const signal = sut.signal;

    expect(before).toEqual({ listeners: 0, timers: 0 });
    expect({ listeners: call.listenerCount('cancelled'), timers: jest.getTimerCount() }).toEqual({
      listeners: 1,
      timers: 1,
    });
    expect(sut.signal).toBe(signal);
  });

  it('aborts the signal at the deadline, and when the caller hangs up', () => {
    jest.useFakeTimers();
    const atDeadline = contextOf(new FakeCall(), new Date(Date.now() + 1_000));
    const hungUpCall = new FakeCall();
    const hungUp = contextOf(hungUpCall, new Date(Date.now() + 1_000));
    const signals = [atDeadline.signal, hungUp.signal];

    hungUpCall.hangUp();
    jest.advanceTimersByTime(1_000);

    expect(signals.map((s) => [s.aborted, (s.reason as Error).message])).toEqual([
      [true, 'deadline exceeded'],
      [true, 'cancelled by the caller'],
    ]);
  });

  it('tells that nobody waits any more from the clock and the call alone, without a signal', () => {
    const now = Date.now();
    const call = new FakeCall();
    const sut = contextOf(call, new Date(now + 1_000));

    const waiting = sut.stopped(now + 999);
    const late = sut.stopped(now + 1_000);
    call.hangUp();
    const gone = contextOf(call).stopped(now);

    expect([waiting, late, gone]).toEqual([undefined, 'deadline exceeded', 'cancelled by the caller']);
    expect(call.listenerCount('cancelled')).toBe(0);
  });

  it('stops listening once the call is answered, so the cancellation grpc-js reports afterwards aborts nothing', () => {
    jest.useFakeTimers();
    const call = new FakeCall();
    const sut = contextOf(call, new Date(Date.now() + 1_000));
    const signal = sut.signal;

    sut.release();
    call.hangUp();

    expect(signal.aborted).toBe(false);
    expect({ listeners: call.listenerCount('cancelled'), timers: jest.getTimerCount() }).toEqual({
      listeners: 0,
      timers: 0,
    });
  });

  it('hands a handler that reads the signal late an aborted one when its deadline has already passed', () => {
    const sut = contextOf(new FakeCall(), new Date(Date.now() - 1));

    expect(sut.signal.aborted).toBe(true);
  });
});
