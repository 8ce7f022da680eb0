/**
 * Runs async read-modify-write jobs one after another; a failed job does not stop the next.
 * Two quick changes to one record (a rating then a label, the zh then the en version of a
 * story) must not both read the old record and the later write drop the other.
 */
export function createSerialQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => {});
    return run;
  };
}
