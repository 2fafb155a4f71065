"""RedYellow's pytest plugin (dev.redyellow.testing.PytestSkips): where each skipped test's skip came from.

RedYellow loads it into every pytest run it starts (PYTEST_PLUGINS, with this file's folder on PYTHONPATH)
and names a file in REDYELLOW_PYTEST_SKIPS. At the end of the session it writes there one line of JSON per
skipped or xfailed test: {"test": node id, "reason": ..., "at": ["path:line", ...]}, the places of the project's
code (files under the working directory, not the interpreter's or an installed package's) that raised the
skip, innermost first, read from the exception's own frames: pytest.skip, pytest.xfail, pytest.importorskip,
unittest.SkipTest (also inside a unittest.TestCase, where pytest raises a skip of its own), wherever they were
raised from. A skip or xfail mark is placed where it was made when that was outside the test's file (a module's
pytestmark taken in by `from calc import *`, a class's inherited, a mark object of the implementation's that the
test applies); one made in the test's file, and a skip pytest makes of its own, have no place: the test's author
chose them. A session that pytest.exit() or an interrupt stopped gets a last line {"stopped": why, "at": [...]}.
The plugin changes nothing of the run: no option, no output, no outcome; once the session starts it takes its
variables out of the environment, which the tests then see as they would without it.

It runs under any Python 3 and pytest 7 or later that RedYellow finds in a project, so it uses only what they
all have. Under pytest-xdist the places travel with each report to the controller, which alone writes the file;
a pytest session started inside a test (pytester) is not the run's and is not recorded.

PYTEST_DONT_REWRITE: pytest leaves this module as it is (it asserts nothing), also where a warm server imported
it before pytest saw it in PYTEST_PLUGINS, which would otherwise warn that it cannot be rewritten.
"""
import functools
import json
import os
import sys
import sysconfig

import pytest

_FILE_VARIABLE = "REDYELLOW_PYTEST_SKIPS"
_ATTRIBUTE = "redyellow_skipped_at"
_MAX_PLACES = 20
_MAX_REASON = 500

_state = {"config": None, "file": None, "cwd": None, "libraries": (), "skips": [], "stopped": None, "named": None}


def _real(path):
    # a relative path is the working directory's, which a conftest may change: only an absolute one is kept
    return _real_absolute(path) if os.path.isabs(path) else os.path.normcase(os.path.realpath(path))


@functools.lru_cache(maxsize=4096)
def _real_absolute(path):
    # each skip's frames name the same few files (pytest's, pluggy's, the project's): a real path costs a stat per folder
    return os.path.normcase(os.path.realpath(path))


def _libraries(cwd):
    """Folders of code that no implementer writes: the interpreter's, installed packages', pytest's own."""
    roots = set()
    paths = sysconfig.get_paths()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        if paths.get(key):
            roots.add(paths[key])
    try:
        import site
        roots.update(site.getsitepackages())
    except (AttributeError, ImportError):
        pass  # an old virtualenv's site module has no getsitepackages
    for name in ("pytest", "_pytest", "pluggy", "unittest"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None):
            roots.add(os.path.dirname(module.__file__))
    real = [os.path.join(_real(r), "") for r in roots if r]
    # A folder that holds the working directory (a project inside the interpreter's prefix) rules out nothing.
    return tuple(r for r in real if not cwd.startswith(r))


def _skip_types():
    types = [pytest.skip.Exception, pytest.xfail.Exception]
    unittest = sys.modules.get("unittest")
    if unittest is not None:
        types.append(unittest.SkipTest)
    return tuple(types)


def _places(error):
    """The project's frames of a skip exception, innermost first; of the first exception of its context chain
    (a skip raised while another was handled: unittest's SkipTest under pytest) that has any."""
    skips = _skip_types()
    chain = []
    seen = set()
    while isinstance(error, skips) and id(error) not in seen:
        seen.add(id(error))
        chain.append(error)
        error = error.__context__
    for exception in reversed(chain):  # the first raised first
        places = _frames(exception)
        if places:
            return places
    return []


def _frames(exception):
    """The project's places in an exception's own frames, innermost first (hidden ones too)."""
    places = []
    tb = exception.__traceback__
    while tb is not None:
        place = _place(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        if place is not None:
            places.append(place)
        tb = tb.tb_next
    places.reverse()
    return places[:_MAX_PLACES]


def _place(filename, line):
    if not filename or filename.startswith("<"):
        return None
    real = _real(filename)
    cwd = _state["cwd"]
    if not real.startswith(cwd) or real.startswith(_state["libraries"]):
        return None
    return real[len(cwd):].replace(os.sep, "/") + ":" + str(line)


def _reason(report):
    if hasattr(report, "wasxfail"):
        reason = str(report.wasxfail)  # pytest 7 says "reason: why" for pytest.xfail("why")
        return _short("xfail: " + (reason[len("reason: "):] if reason.startswith("reason: ") else reason))
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        reason = str(longrepr[2])
        return _short(reason[len("Skipped: "):] if reason.startswith("Skipped: ") else reason)
    return _short(str(longrepr or ""))


def _short(text):
    # a reason of megabytes would make the file too big to be read, and RedYellow names only its start
    return text if len(text) <= _MAX_REASON else text[:_MAX_REASON] + "..."


def _own_environment():
    """Takes RedYellow's variables out of the environment the tests see, which is then the one they would have had
    without the plugin: a test that checks PYTHONPATH, or starts a pytest of its own with a PYTHONPATH of its own
    (which could not import the plugin that PYTEST_PLUGINS would still name), sees no difference. Done once the
    session has started, after pytest-xdist started its workers, which load the plugin from the environment."""
    folder = _real(os.path.dirname(os.path.abspath(__file__)))
    os.environ.pop(_FILE_VARIABLE, None)
    plugins = [p for p in os.environ.get("PYTEST_PLUGINS", "").split(",") if p.strip() and p.strip() != __name__]
    if plugins:
        os.environ["PYTEST_PLUGINS"] = ",".join(plugins)
    else:
        os.environ.pop("PYTEST_PLUGINS", None)
    # an empty entry (the working directory) stays: only the plugin's own goes
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if not p or _real(p) != folder]
    if paths == [""]:
        paths = []
    if paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    else:
        os.environ.pop("PYTHONPATH", None)
    sys.path[:] = [p for p in sys.path if not p or _real(p) != folder]


def pytest_addoption(parser):
    # Called as pytest registers the plugin, before any conftest is imported (a conftest may clear the environment).
    if _state["config"] is None and _state["named"] is None:
        _state["named"] = os.environ.get(_FILE_VARIABLE) or ""


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    if _state["config"] is not None or not (_state["named"] or os.environ.get(_FILE_VARIABLE)):
        return  # a session inside a test's, or not started by RedYellow
    _state["config"] = config
    # where pytest was started: a conftest may have changed the working directory already
    invocation = getattr(getattr(config, "invocation_params", None), "dir", None)
    _state["cwd"] = os.path.join(_real(str(invocation) if invocation is not None else os.getcwd()), "")
    _state["libraries"] = _libraries(_state["cwd"])
    # An xdist worker reports to its controller, which writes the file.
    if not hasattr(config, "workerinput"):
        _state["file"] = _state["named"] or os.environ[_FILE_VARIABLE]


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    if session.config is _state["config"]:
        _own_environment()


def pytest_keyboard_interrupt(excinfo):
    # pytest.exit() (which may end the run with code 0 before its tests ran) or an interrupt: the run did not end
    if _state["config"] is not None and _state["stopped"] is None:
        _state["stopped"] = {"stopped": _short(str(excinfo.value) or type(excinfo.value).__name__),
                             "at": _frames(excinfo.value)}
        _write()  # now: a second stop in the session's teardown may leave no other chance


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    raised = call.excinfo  # pytest's own makereport hooks may replace it (unittest's SkipTest, a TestCase's skip)
    outcome = yield
    if item.config is not _state["config"]:
        return
    report = outcome.get_result()
    if not report.skipped:
        return
    places = []
    for excinfo in (raised, call.excinfo):
        if excinfo is not None and not places:
            places = _places(excinfo.value)
    if not places and _by_marks(report, raised):
        places = _mark_places(item, ("xfail",) if hasattr(report, "wasxfail") else ("skipif", "skip"), _reason(report))
    setattr(report, _ATTRIBUTE, places)


def _by_marks(report, raised):
    """Whether pytest's marks skipped or xfailed the test (not a skip raised by code, which has frames of its own)."""
    if hasattr(report, "wasxfail"):
        return True  # an xfail mark; pytest.xfail() raised by code was placed by its frames, if any were the project's
    error = raised.value if raised is not None else None
    # pytest raises a mark's skip with the item's location (pytest 7 and later); an older one says nothing
    return error is not None and getattr(error, "_use_item_location", True)


_SKIP_MARKS = ("skip", "skipif", "xfail")
_MADE = "_redyellow_made"


def _library_roots():
    """Folders of code that makes no mark of the project's (the interpreter's, installed packages', pytest's), as
    seen from where pytest starts, and this plugin's own file."""
    return _libraries(os.path.join(_real(os.getcwd()), "")), _real(os.path.abspath(__file__))


def _watch_marks():
    """Notes on each skip, skipif and xfail mark where it was made: the innermost frame of a file that is not the
    interpreter's, an installed package's or pytest's (code made by exec or compile is passed over for the code that
    ran it). pytest's Mark is made by pytest.mark.skip, by its call with arguments and by their combination; the note
    is an attribute of the mark itself, so a copy or a pickled mark keeps it. The code that made a mark, not where the
    test found it (a module's pytestmark taken in by an import, one written into a test module's globals, a class's
    inherited), decides whose it is."""
    try:
        from _pytest.mark.structures import Mark
    except ImportError:
        return  # a pytest without it: marks are placed nowhere, as before
    made = Mark.__init__
    if getattr(made, "_redyellow", False):
        return
    libraries, plugin = _library_roots()

    def __init__(self, *args, **kwargs):
        made(self, *args, **kwargs)
        if getattr(self, "name", None) in _SKIP_MARKS:
            try:
                object.__setattr__(self, _MADE, _maker(sys._getframe(1), libraries, plugin))
            except Exception:  # noqa: BLE001 - a mark without room for the note: placed nowhere, as before
                pass

    __init__._redyellow = True
    Mark.__init__ = __init__


_watch_marks()


def _maker(frame, libraries, plugin):
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename and not filename.startswith("<"):
            real = _real(filename)
            if real != plugin and not real.startswith(libraries):
                return filename, frame.f_lineno
        frame = frame.f_back
    return None


def _mark_reason(mark):
    if mark.name == "skip":
        reason = mark.kwargs.get("reason", mark.args[0] if mark.args else "unconditional skip")
    else:
        reason = mark.kwargs.get("reason", "")
    return str(reason)


def _mark_places(item, names, report_reason):
    """Where the mark that skipped or xfailed a test was made, when that was outside the test's own file: the marks in
    pytest's order (skipif before skip), the first whose reason is the report's; where none has it (a condition's own
    reason), every mark of those names. A mark made in the test's file, or by pytest itself, is the author's."""
    places = []
    try:
        test_file = _real(str(getattr(item, "path", None) or item.fspath))
        marks = [mark for name in names for mark in item.iter_markers(name=name)]
        fired = [mark for mark in marks if report_reason in (_mark_reason(mark), "xfail: " + _mark_reason(mark))]
        for mark in fired[:1] or marks:
            made = getattr(mark, _MADE, None)
            if made is None:
                continue
            place = _place(made[0], made[1])
            if place is not None and _real(made[0]) != test_file and place not in places:
                places.append(place)
    except Exception:  # noqa: BLE001 - an item of another kind, a mark that reads oddly: the run must go on
        return places
    return places[:_MAX_PLACES]


def _record(report):
    # Only the reports this session's hooks marked: not a session's inside a test (pytester).
    if _state["file"] is not None and report.skipped and hasattr(report, _ATTRIBUTE):
        _state["skips"].append({"test": report.nodeid, "reason": _reason(report), "at": list(getattr(report, _ATTRIBUTE))})


def pytest_runtest_logreport(report):
    _record(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    # A module skipped as it was imported (pytest.skip(allow_module_level=True), importorskip at its top), also as
    # a directory's conftest imported it. pytest reads the exception with the collector's _repr_failure_py, which
    # hands it over here as it is, its hidden frames included; without that method, the place pytest shows stands.
    raised = []
    original = getattr(collector, "_repr_failure_py", None) if collector.config is _state["config"] else None
    if original is not None:
        def _repr_failure_py(excinfo, *args, **kwargs):
            raised.append(excinfo.value)
            return original(excinfo, *args, **kwargs)

        collector._repr_failure_py = _repr_failure_py
    try:
        outcome = yield
    finally:
        if original is not None:
            del collector._repr_failure_py
    if collector.config is not _state["config"]:
        return
    report = outcome.get_result()
    if report is None or not report.skipped:
        return
    places = _places(raised[-1]) if raised else []
    longrepr = report.longrepr
    if not places and isinstance(longrepr, tuple) and len(longrepr) == 3 and isinstance(longrepr[1], int):
        place = _place(str(longrepr[0]), longrepr[1])
        if place is not None:
            places.append(place)
    setattr(report, _ATTRIBUTE, places)


def pytest_collectreport(report):
    _record(report)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    if session.config is _state["config"]:
        _write()


def _write():
    if _state["file"] is None:
        return
    try:
        with open(_state["file"], "w", encoding="utf-8") as out:
            for skip in _state["skips"]:
                out.write(json.dumps(skip) + "\n")
            if _state["stopped"] is not None:
                out.write(json.dumps(_state["stopped"]) + "\n")
    except OSError:
        pass  # RedYellow then cannot tell where the run's skips came from, and does not count the run as a pass
