"""Where the per-article work runs: in this process, on a pool of processes, or on a Dask cluster.

:class:`Engine` runs one function over the parts of a corpus in order,
whichever runs it; :func:`helpers.pipeline.build` chooses one.
"""

from __future__ import annotations

import os

from . import annotate


def warm_up_worker() -> None:
    """Load the lexicons in a new worker; a failure is left for the first part to raise with its own message."""
    try:
        annotate.warm_up()
    except Exception:  # an initializer that raises breaks the whole pool, hiding the one-line error
        pass


class Engine:
    """Runs a function over parts of the corpus: serially, on a process pool, or on a Dask cluster."""

    def __init__(self, kind: str, workers: int, scheduler: str | None = None, client=None):
        if kind not in ("serial", "process", "dask"):
            raise ValueError(f"engine must be 'serial', 'process' or 'dask'; got {kind!r}")
        self.kind, self.workers, self.pool, self.client, self.own_client = kind, workers, None, client, None
        if kind == "process":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: safe in a kernel with threads running; scripts need the usual ``if __name__ == "__main__":``
            context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up_worker)
            # one empty task per worker starts them all now: they load their lexicons while the corpus is read
            for _ in range(workers):
                self.pool.submit(int)
        elif kind == "dask" and client is None:
            self.client = self.own_client = dask_client(scheduler, workers)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)  # after an error, the parts not begun are not run
        if self.own_client is not None:
            cluster = getattr(self.own_client, "_own_cluster", None)
            self.own_client.close()
            if cluster is not None:
                cluster.close()

    def start(self, func, items: list, **shared) -> tuple:
        """Begin ``func(item, **shared)`` for every item (a serial engine waits for :meth:`finish`)."""
        if self.kind == "serial":
            return (func, items, shared)
        if self.kind == "process":
            return ([self.pool.submit(func, item, **shared) for item in items],)
        scattered = {k: self.client.scatter(v, broadcast=True) for k, v in shared.items()}
        return ([self.client.submit(func, item, pure=False, **scattered) for item in items],)

    def finish(self, started: tuple, progress: bool = False, desc: str = "") -> list:
        """Return the results of :meth:`start`, in the order of its items."""
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(started[1] if self.kind == "serial" else started[0]), desc=desc, unit="part")
        try:
            if self.kind == "serial":
                func, items, shared = started
                results = []
                for item in items:
                    results.append(func(item, **shared))
                    if bar is not None:
                        bar.update()
                return results
            if self.kind == "process":
                results = []
                for future in started[0]:
                    results.append(future.result())
                    if bar is not None:
                        bar.update()
                return results
            from dask.distributed import as_completed

            for _ in as_completed(started[0]):
                if bar is not None:
                    bar.update()
            return self.client.gather(started[0])
        finally:
            if bar is not None:
                bar.close()

    def map(self, func, items: list, progress: bool = False, desc: str = "", **shared) -> list:
        """Return ``[func(item, **shared) for item in items]``, in order."""
        return self.finish(self.start(func, items, **shared), progress, desc)


def cores(workers: int | None = None) -> int:
    """Return ``workers``, or the number of cores this process may use."""
    if workers:
        return workers
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def dask_client(scheduler: str | None = None, workers: int | None = None):
    """Return a Dask client: connected to ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``), or to a new local cluster.

    A local cluster has ``workers`` single-threaded worker processes (all
    cores by default) and listens on 127.0.0.1 only; it is closed with the client.
    """
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=cores(workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    client = Client(cluster)
    client._own_cluster = cluster
    return client
