"""Views kept ready: built once per key, shared by every viewer of this process, and rebuilt
in the background after a change, so that a leader who opens the overview finds it in memory
instead of waiting for its queries.

- A change drops every view at once (clear(), called when models.changes tells of a commit in
  this process or in another one): a viewer who comes before the rebuild builds the view
  himself, so nobody is shown figures older than the last change this process has heard of.
- The views viewers opened in the last KEEP seconds are rebuilt a moment after the change
  (DEBOUNCE, so a burst of writes costs one rebuild). Nothing is rebuilt on a timer.
- A view older than MAX_AGE (a safety net: a change notice lost with a database connection)
  is still shown once while its replacement is built; one older than twice that (the rebuild
  failed) is built again by the viewer. Keys that depend on the day carry the day.
"""

import logging
import threading
import time
from collections.abc import Callable, Hashable

log = logging.getLogger(__name__)


class ReadyViews:
    def __init__(
        self,
        build: Callable[..., object],
        *,
        max_age: float = 60,
        keep: float = 15 * 60,
        debounce: float = 0.2,
        max_views: int = 64,
        name: str = "views",
    ) -> None:
        self._build = build
        self.max_age, self.keep, self.debounce, self.max_views = max_age, keep, debounce, max_views
        self._name = name
        self._lock = threading.Lock()
        # a key is the arguments of `build`
        self._views: dict[tuple[Hashable, ...], tuple[float, object]] = {}  # -> (built at, view)
        self._seen: dict[tuple[Hashable, ...], float] = {}  # key -> last opened
        self._generation = 0  # bumped by every clear(): a build begun before it is dropped
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self.builds = 0  # how many views were built, by viewers and in the background

    def get(self, *key: Hashable) -> object:
        now = time.monotonic()
        with self._lock:
            self._seen[key] = now
            entry = self._views.get(key)
        if entry is not None and now - entry[0] <= 2 * self.max_age:
            if now - entry[0] > self.max_age:
                self._nudge()
            return entry[1]
        view = self._store(key)
        self._start()
        return view

    def clear(self) -> None:
        """After a write: drop every view now and rebuild the ones viewers opened lately."""
        with self._lock:
            self._generation += 1
            self._views.clear()
        self._nudge()

    def forget(self) -> None:
        """Drop the views and what viewers opened, so nothing is rebuilt (tests, new database)."""
        with self._lock:
            self._generation += 1
            self._views.clear()
            self._seen.clear()

    def settle(self, timeout: float = 30) -> bool:
        """Wait until the background rebuild asked for has finished; False on timeout."""
        deadline = time.monotonic() + timeout
        while self._wake.is_set() or not self._idle.is_set():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        return True

    def _store(self, key: tuple[Hashable, ...]) -> object:
        with self._lock:
            generation = self._generation
        view = self._build(*key)
        with self._lock:
            self.builds += 1
            if generation == self._generation:  # no write since the build began
                self._views[key] = (time.monotonic(), view)
                while len(self._views) > self.max_views:
                    oldest = min(self._views, key=lambda k: self._seen.get(k, 0))
                    del self._views[oldest]
        return view

    def _nudge(self) -> None:
        with self._lock:
            if not self._seen:
                return
        self._idle.clear()
        self._wake.set()
        self._start()

    def _start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(
                target=self._loop, name=f"ready-{self._name}", daemon=True
            )
            self._thread.start()

    def _loop(self) -> None:
        while True:
            woken = self._wake.wait()
            self._idle.clear()
            if woken:
                time.sleep(self.debounce)
            self._wake.clear()
            try:
                self._refresh()
            finally:
                if not self._wake.is_set():
                    self._idle.set()

    def _refresh(self) -> None:
        now = time.monotonic()
        with self._lock:
            for key in [k for k, seen in self._seen.items() if now - seen > self.keep]:
                del self._seen[key]
            due = [
                key
                for key in sorted(self._seen, key=self._seen.__getitem__, reverse=True)
                if key not in self._views or now - self._views[key][0] > self.max_age
            ][: self.max_views]
        for key in due:
            if self._wake.is_set():  # another write came: start over after it
                return
            try:
                self._store(key)
            except Exception:  # the next viewer builds it and sees the error himself
                log.warning("could not rebuild the %s view %r", self._name, key, exc_info=True)
