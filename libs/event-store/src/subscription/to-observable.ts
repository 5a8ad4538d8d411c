import { Observable } from 'rxjs';

/** An rxjs view of an async iterable (a subscription): unsubscribing ends the iteration. */
export const toObservable = <T>(source: (signal: AbortSignal) => AsyncIterable<T>): Observable<T> =>
  new Observable<T>((subscriber) => {
    const controller = new AbortController();
    void (async () => {
      try {
        for await (const item of source(controller.signal)) {
          if (subscriber.closed) break;
          subscriber.next(item);
        }
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    })();
    return () => controller.abort();
  });
