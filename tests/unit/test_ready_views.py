"""The views kept ready (components/ready_views.py): shared, dropped by a write at once,
rebuilt in the background for the viewers who opened them, never kept from before a write."""

import threading
import time

import pytest

from services.read.ready_views import ReadyViews


class Source:
    """What the database says now, and how often a view was built from it."""

    def __init__(self) -> None:
        self.value = 1
        self.calls = 0
        self.gate: threading.Event | None = None  # when set, a build waits on it
        self.fail = False

    def build(self, key: str) -> tuple[str, int]:
        self.calls += 1
        value = self.value  # read first, as a query would
        if self.gate is not None:
            self.gate.wait(5)
        if self.fail:
            raise RuntimeError("database gone")
        return key, value


@pytest.fixture
def source() -> Source:
    return Source()


def test_a_view_is_built_once_and_shared(source):
    views = ReadyViews(source.build, debounce=0.01)
    assert views.get("vi") == ("vi", 1)
    assert views.get("vi") == ("vi", 1)
    assert views.get("en") == ("en", 1)
    assert source.calls == 2 and views.builds == 2


def test_a_write_is_seen_by_the_next_viewer_even_before_the_rebuild(source):
    views = ReadyViews(source.build, debounce=5)  # the background waits: the viewer builds
    views.get("vi")
    source.value = 2
    views.clear()
    assert views.get("vi") == ("vi", 2)


def test_after_a_write_the_views_opened_lately_are_rebuilt_in_the_background(source):
    views = ReadyViews(source.build, debounce=0.01)
    views.get("vi")
    views.get("en")
    source.value = 2
    views.clear()
    assert views.settle()
    built = views.builds
    assert views.get("vi") == ("vi", 2) and views.get("en") == ("en", 2)
    assert views.builds == built == 4  # the viewers built nothing after the write


def test_a_burst_of_writes_costs_one_rebuild(source):
    views = ReadyViews(source.build, debounce=0.5)
    views.get("vi")
    for n in range(10):  # ten reports within 0.2 s
        source.value = n
        views.clear()
        time.sleep(0.02)
    assert views.settle()
    assert views.builds == 2 and views.get("vi") == ("vi", 9)


def test_a_view_begun_before_a_write_is_not_kept(source):
    views = ReadyViews(source.build, debounce=5)
    source.gate = threading.Event()
    got = {}
    viewer = threading.Thread(target=lambda: got.update(view=views.get("vi")))
    viewer.start()
    while source.calls == 0:  # the viewer's build has read the old figures
        time.sleep(0.001)
    source.value = 2
    views.clear()
    source.gate.set()
    viewer.join(5)
    assert got["view"] == ("vi", 1)  # that viewer sees what it read
    assert views.get("vi") == ("vi", 2)  # the next one does not get it from memory


def test_nothing_is_rebuilt_on_a_timer(source):
    views = ReadyViews(source.build, max_age=0.2, debounce=0.01)
    views.get("vi")
    time.sleep(0.5)
    assert views.builds == 1


def test_a_view_grown_old_is_shown_once_and_rebuilt(source):
    views = ReadyViews(source.build, max_age=0.2, debounce=0.01)
    views.get("vi")
    source.value = 2  # a change nobody was told of (a lost notice)
    time.sleep(0.25)
    assert views.get("vi") == ("vi", 1)  # old, not yet twice max_age: shown, and rebuilt
    assert views.settle()
    assert views.get("vi") == ("vi", 2)


def test_forgotten_views_are_not_rebuilt(source):
    views = ReadyViews(source.build, debounce=0.01)
    views.get("vi")
    views.forget()
    views.clear()
    assert views.settle()
    assert views.builds == 1


def test_a_failed_rebuild_leaves_the_viewer_to_build_and_see_the_error(source, caplog):
    views = ReadyViews(source.build, debounce=0.01)
    views.get("vi")
    source.fail = True
    views.clear()
    assert views.settle()
    assert "could not rebuild" in caplog.text
    with pytest.raises(RuntimeError, match="database gone"):
        views.get("vi")
    source.fail = False
    assert views.get("vi") == ("vi", 1)
