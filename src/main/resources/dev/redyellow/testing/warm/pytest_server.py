# RedYellow's warm pytest server (dev.redyellow.testing.ScriptServer). It imports pytest once, then
# runs each request in a child forked from itself, so a run costs the fork, not the interpreter's
# start and pytest's imports. Protocol: a request is one line of JSON on stdin
# {"cwd": ..., "args": [...], "env": {...}}; replies are frames on stdout, one byte of kind, four bytes
# of big-endian length, the payload: R (ready, once), P (the child's pid), O and E (the child's stdout
# and stderr, as they come), X (the exit code, in ASCII). End of stdin ends the server.
#
# Optional argument: a folder for compiled code (see CodeCache), which the host creates and may share
# between its servers and its runs; the host prunes it, by age and size, and never this script.
import ast
import builtins
import gc
import importlib.util
import hashlib
import inspect
import json
import linecache
import logging
import marshal
import os
import select
import shutil
import struct
import sys
import tempfile
import time
import types
import warnings

import pytest  # noqa: F401  the point of the server: imported once
import _pytest._code.code
import _pytest._code.source
import _pytest.assertion.rewrite
import _pytest.config  # noqa: F401
import _pytest.main  # noqa: F401
import _pytest.python  # noqa: F401
import _pytest.terminal  # noqa: F401
import _pytest.fixtures  # noqa: F401
import _pytest.junitxml  # noqa: F401
import pluggy._hooks


class KnownSignatures:
    """pluggy's argument names of a hook function, read once per function rather than in every run.

    Each pytest session registers pytest's own plugins anew, and pluggy reads every hook function's
    signature with inspect.signature as it does: about 270 signatures, a tenth of a small run's CPU. The
    answer depends on the function alone, so it is kept by the function, with what the reading looks at
    (code, defaults, qualified name, __signature__, __wrapped__): a function with any of them replaced
    is read again. The server's warm-up session fills it with pytest's own, and every child inherits
    it; a conftest's functions are new objects in each run and are read in it.
    """

    def __init__(self, read):
        self.read = read
        self.known = {}

    def __call__(self, func):
        method = inspect.ismethod(func)
        function = func.__func__ if method else func
        if not isinstance(function, types.FunctionType):
            return self.read(func)
        key = (id(function), method)
        known = self.known.get(key)
        # the entry holds the function, so its id is not reused while the entry lives
        now = KnownSignatures.parts(function)
        if known is not None and known[0] is function and all(a is b for a, b in zip(known[1], now)):
            return known[2]
        names = self.read(func)
        self.known[key] = (function, now, names)
        return names

    @staticmethod
    def parts(function):
        """What inspect.signature and pluggy read of a function besides the function itself."""
        return (function.__code__, function.__defaults__, function.__kwdefaults__, function.__qualname__,
                getattr(function, "__signature__", None), getattr(function, "__wrapped__", None))


if callable(getattr(pluggy._hooks, "varnames", None)):
    pluggy._hooks.varnames = KnownSignatures(pluggy._hooks.varnames)

try:
    from _imp import _fix_co_filename
except ImportError:  # not CPython: no code cache
    _fix_co_filename = None

# The frames go to a private copy of stdout; fd 1 is pointed at stderr so a stray print in the
# server cannot break a frame.
FRAMES = os.dup(1)
os.dup2(2, 1)
REQUESTS = os.fdopen(os.dup(0), "rb")
NULL = os.open(os.devnull, os.O_RDONLY)
os.dup2(NULL, 0)
CODE_FOLDER = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
# Where the server started: Python made the relative entries of PYTHONPATH absolute against it (see child).
START_CWD = os.getcwd()


class CodeCache:
    """Compiled code of the workspaces' modules and rewritten tests, shared by the runs.

    A run's workspace is a fresh copy, so each run compiled every module of the project it imported
    (pyasn1's univ.py in every run of a feature that uses it) and pytest rewrote the asserts of every
    test module again, though the sources were the same bytes as in the run before: most of a run's
    CPU. Here a child looks its code up by what determines it: the source's SHA-256, its path inside
    the workspace, the interpreter, pytest, and the settings the compiler or rewriter reads. A hit is
    the code a compile of those bytes gives, with its file name set to this workspace's path, as
    Python's own .pyc cache does. Code is kept only when making it raised no warning and no error:
    warnings and errors (SyntaxWarning, "assertion is always true", -W error turning one into an
    error) then come in every run as in a plain run.

    The folder may outlive the run, as __pycache__ does (the host decides): an entry read more than a
    day after it was last written or read gets its time refreshed, so that the host's pruning by age
    removes what no run uses any more.
    """

    REFRESH_AFTER_SECONDS = 24 * 3600

    def __init__(self, folder):
        self.folder = folder
        self.salt = "|".join(["entry format 2", sys.version, sys.implementation.cache_tag or "", pytest.__version__,
                              str(sys.flags.optimize), repr(sys.flags.dont_write_bytecode)])

    def install(self, cwd):
        self.cwd = os.path.join(os.path.realpath(cwd), "")
        cache = self
        loader = __import__("importlib.machinery").machinery.SourceFileLoader
        compile_source = loader.source_to_code

        def source_to_code(self, data, path, *, _optimize=-1):
            def make():
                return compile_source(self, data, path, _optimize=_optimize)
            if not isinstance(data, bytes) or not isinstance(path, str):
                return make()
            return cache.code("module", path, data, str(_optimize), make)

        loader.source_to_code = source_to_code
        rewrite = _pytest.assertion.rewrite
        rewrite_test = getattr(rewrite, "_rewrite_test", None)
        if rewrite_test is None:
            return  # another pytest than the one this was written for: its tests are rewritten each run

        def _rewrite_test(fn, config):
            try:
                hook = repr(config.getini("enable_assertion_pass_hook")) if config is not None else "None"
                stat = os.stat(fn)
                source = fn.read_bytes()
            except (ValueError, AttributeError, TypeError, OSError):
                return rewrite_test(fn, config)  # as pytest would, errors included
            code = cache.code("test", str(fn), source, hook, lambda: rewrite_test(fn, config)[1])
            return stat, code

        rewrite._rewrite_test = _rewrite_test

    def code(self, kind, path, source, settings, make):
        real = os.path.realpath(path)
        where = real[len(self.cwd):] if real.startswith(self.cwd) else real
        key = self.key(kind, settings + "\0" + where, source)
        code = self.load(key)
        if code is not None:
            _fix_co_filename(code, path)
            return code
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            try:
                code = make()
            except Exception:  # noqa: BLE001  made again below, where it raises as in a plain run
                code = None
        if code is None or seen:
            return make()
        self.save(key, code)
        return code

    def key(self, kind, settings, data):
        return hashlib.sha256("\0".join([self.salt, kind, settings]).encode("utf-8", "surrogateescape")
                              + b"\0" + data).hexdigest()

    def load(self, key):
        """The value kept under key, or None when there is none or it is damaged."""
        file = os.path.join(self.folder, key)
        try:
            with open(file, "rb") as f:
                stored = f.read()
                age = time.time() - os.fstat(f.fileno()).st_mtime
            # An entry is its payload's SHA-256 and the payload: a damaged one (a disk error, a copy
            # cut short) is made again rather than loaded.
            if hashlib.sha256(stored[32:]).digest() != stored[:32]:
                return None
            value = marshal.loads(stored[32:])
        except (OSError, EOFError, ValueError, TypeError):
            return None  # not made yet, or damaged: made again
        if age > self.REFRESH_AFTER_SECONDS:
            try:
                os.utime(file)
            except OSError:
                pass  # a read-only folder: the entry may be pruned and made again
        return value

    def save(self, key, value):
        file = os.path.join(self.folder, key)
        part = file + "." + str(os.getpid())
        try:
            payload = marshal.dumps(value)
            with open(part, "wb") as f:
                f.write(hashlib.sha256(payload).digest() + payload)
            os.replace(part, file)
        except (OSError, ValueError):
            pass  # a full or read-only disk: the next run makes it again


CODE_CACHE = CodeCache(CODE_FOLDER) if CODE_FOLDER and _fix_co_filename else None


class StatementRanges:
    """Where the statement of a traceback line starts and ends, found with one walk per file's text.

    pytest finds it by parsing the whole file and walking every node of its tree, for each line of
    each traceback it formats. A RED proof formats two tracebacks (its import error's, and that of the
    Interrupted exception pytest raises through its own main.py and pluggy); a wrong attempt formats
    one per failing test, through the test file and the code under test in turn: the 35 failures of
    pyasn1's der-encoder's first attempt parsed and walked those two files 70 times, 0.5 s of the
    run's 0.7 s. All pytest takes from the tree is where statements start: a sorted list of line
    numbers. Here each text is parsed and walked once, by pytest's own walk
    (get_statement_startend2, whose list is read where it looks a line up in it); the list is kept by
    the text, in the process and in the code folder for the runs to come, and pytest is handed a tree
    of one empty statement per start, which its walk turns into the same list in a fraction of the
    time. The answers for pytest's own frames, learned in the warm-up, are kept whole. A text the walk
    cannot be read from (a syntax error, another pytest) is left to pytest, errors included.
    """

    KIND = "statement starts"

    def __init__(self, compute, module, store):
        self.compute = compute
        self.module = module
        self.store = store
        self.known = {}
        self.learning = True
        self.starts = {}

    def __call__(self, lineno, source, assertion=False, astnode=None):
        content = str(source)
        key = (lineno, assertion, content)
        found = self.known.get(key)
        if found is not None:
            return found
        if astnode is None:
            astnode = self.flat_tree(content)
        found = self.compute(lineno, source, assertion, astnode)
        if self.learning:
            self.known[key] = found
        return found

    def flat_tree(self, content):
        starts = self.starts.get(content)
        if starts is None:
            stored = None
            if self.store is not None:
                stored = self.store.key(self.KIND, "", content.encode("utf-8", "surrogateescape"))
                starts = self.store.load(stored)
                if not (isinstance(starts, list) and all(type(s) is int for s in starts)):
                    starts = None
            if starts is None:
                starts = self.walk(content)
                if starts is None:
                    return None
                if stored is not None:
                    self.store.save(stored, starts)
            self.starts[content] = starts
        return ast.Module(body=[ast.Pass(lineno=start + 1) for start in starts], type_ignores=[])

    def walk(self, content):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # as pytest parses it: see its getstatementrange_ast
                tree = ast.parse(content, "source", "exec")
        except (SyntaxError, ValueError):
            return None
        lookups = []
        bisect_right = self.module.bisect_right

        def reading(values, line, *args, **kwargs):
            lookups.append(list(values))
            return bisect_right(values, line, *args, **kwargs)

        self.module.bisect_right = reading
        try:
            self.module.get_statement_startend2(0, tree)
        except Exception:  # noqa: BLE001  pytest meets it again and answers as in a plain run
            return None
        finally:
            self.module.bisect_right = bisect_right
        return lookups[0] if len(lookups) == 1 else None


STATEMENT_RANGES = None
if all(callable(getattr(_pytest._code.source, name, None))
       for name in ("getstatementrange_ast", "get_statement_startend2", "bisect_right")):
    STATEMENT_RANGES = StatementRanges(_pytest._code.source.getstatementrange_ast, _pytest._code.source, CODE_CACHE)
    # Both names pytest calls it by: the traceback entries' (code.py) and Source.getstatementrange's.
    for module in (_pytest._code.code, _pytest._code.source):
        if hasattr(module, "getstatementrange_ast"):
            module.getstatementrange_ast = STATEMENT_RANGES


def warm_up():
    """One throwaway pytest session in the server, whose collection fails as a RED proof's does.

    What it leaves is what every run needs and would otherwise make again in each child: pytest's
    lazily imported modules and compiled patterns, and StatementRanges for pytest's own frames. What a
    session changes in the process (working directory, environment, sys.path, warning filters, logging,
    standard streams, the module it tried to import) is put back; only builtin plugins take part, and
    its output goes nowhere.
    """
    folder = tempfile.mkdtemp(prefix="redyellow-pytest-warm-up-")
    saved_cwd, saved_env, saved_path = os.getcwd(), dict(os.environ), list(sys.path)
    saved_modules, saved_filters = set(sys.modules), list(warnings.filters)
    saved_streams = (sys.stdout, sys.stderr)
    saved_logging = (list(logging.root.handlers), logging.root.level)
    out, err = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        with open(os.path.join(folder, "pytest.ini"), "w") as f:
            f.write("[pytest]\n")
        with open(os.path.join(folder, "test_warm_up.py"), "w") as f:
            f.write("import redyellow_warm_up_missing_module  # noqa: F401\n")
        os.chdir(folder)
        for name in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS"):
            os.environ.pop(name, None)
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        os.dup2(null, 1)
        os.dup2(null, 2)
        pytest.main(["-q", "-p", "no:cacheprovider", "-c", os.path.join(folder, "pytest.ini"), "--rootdir", folder,
                     "test_warm_up.py"])
    except BaseException:  # noqa: BLE001  a failed warm-up costs the runs time, never their verdict
        pass
    finally:
        for stream in (sys.stdout, sys.stderr, *saved_streams):
            try:
                stream.flush()  # what pytest wrote goes where it was pointed, not to the server's stderr
            except (OSError, ValueError):
                pass
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (out, err, null):
            os.close(fd)
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        sys.path[:] = saved_path
        for name in set(sys.modules) - saved_modules:
            if (getattr(sys.modules[name], "__file__", None) or "").startswith(folder):
                del sys.modules[name]
        for entry in [p for p in sys.path_importer_cache if isinstance(p, str) and p.startswith(folder)]:
            del sys.path_importer_cache[entry]
        for entry in [p for p in linecache.cache if p.startswith(folder)]:
            del linecache.cache[entry]
        warnings.filters[:] = saved_filters
        getattr(warnings, "_filters_mutated", lambda: None)()
        sys.stdout, sys.stderr = saved_streams
        logging.root.handlers[:] = saved_logging[0]
        logging.root.setLevel(saved_logging[1])
        shutil.rmtree(folder, ignore_errors=True)


def send(kind, data):
    frame = kind + struct.pack(">I", len(data)) + data
    view = memoryview(frame)
    while view:
        view = view[os.write(FRAMES, view):]


class Prefault:
    """Makes a child's own copies of the server's writable memory with one call per mapping.

    A forked child shares the server's pages until it writes to one; the kernel then copies that
    page, a fault for each. A warm pytest child writes to about half of the server's pages (Python
    writes an object's reference count on every use): about 3,000 faults per run. Where a fault is
    dear, as in the virtual machines RedYellow was measured in (12-16 us), and dearer still with two
    children at work, a child spent 72-76 ms of its 167-173 ms in the kernel.
    madvise(MADV_POPULATE_WRITE) (Linux 5.14) copies a whole mapping in one call instead (about 5 us
    a page there); the contents stay as they were, only the copies are made sooner, and the pages the
    child would not have written cost their memory for nothing (the server's private memory, about
    25 MB, per running child). Mappings are copied while they fit in MAX_TOTAL bytes in all; one that
    does not fit is left to its faults, as is each one where the call is missing or refused. Nothing
    here may fail a run: whatever goes wrong leaves the faults as before.
    """

    MADV_POPULATE_WRITE = 23
    MAX_TOTAL = 64 << 20

    def __init__(self):
        before = set(sys.modules)
        import ctypes
        self.madvise = ctypes.CDLL(None).madvise
        self.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        self.madvise.restype = ctypes.c_int
        # A run finds ctypes unimported, as in a plain run; the function keeps what it needs.
        for name in set(sys.modules) - before:
            del sys.modules[name]

    def __call__(self):
        try:
            with open("/proc/self/maps", "rb") as f:
                maps = f.read().split(b"\n")
            left = self.MAX_TOTAL
            for line in maps:
                fields = line.split()
                if len(fields) < 5 or fields[1] != b"rw-p":  # private and writable: [vdso], [vvar] are not
                    continue
                start, end = (int(x, 16) for x in fields[0].split(b"-"))
                if end - start <= left:
                    left -= end - start
                    self.madvise(start, end - start, self.MADV_POPULATE_WRITE)  # refused: the faults as before
        except Exception:  # noqa: BLE001  the faults as before
            pass


def make_prefault():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return Prefault()
    except (OSError, AttributeError, ImportError):
        return None


PREFAULT = make_prefault()


def child(request, out_w, err_w):
    os.setsid()
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    for fd in (out_w, err_w, FRAMES, REQUESTS.fileno()):
        os.close(fd)
    code = 70
    try:
        if PREFAULT is not None:
            PREFAULT()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        # As `python -m pytest` does: the working directory comes first on sys.path.
        sys.path[0] = request["cwd"]
        relative_paths_from(request["cwd"], request["env"].get("PYTHONPATH", ""))
        sys.argv = [as_python_m_pytest()] + request["args"]
        sys.stdout = os.fdopen(1, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
        sys.stderr = os.fdopen(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace")
        if CODE_CACHE is not None:
            CODE_CACHE.install(request["cwd"])
        code = int(pytest.main(request["args"]))
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except BaseException:  # the child must end here whatever happened
        import traceback
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def relative_paths_from(cwd, pythonpath):
    """Python made PYTHONPATH's relative entries absolute against the folder the server started in
    (site.py's abs_paths); a `python -m pytest` started in the workspace has them against the workspace."""
    for entry in pythonpath.split(os.pathsep):
        if entry and not os.path.isabs(entry):
            was = os.path.normcase(os.path.abspath(os.path.join(START_CWD, entry)))
            now = os.path.abspath(os.path.join(cwd, entry))
            sys.path[:] = [now if os.path.normcase(p) == was else p for p in sys.path]


def as_python_m_pytest():
    """Makes the child's __main__ what `python -m pytest` has, pytest's own __main__ (not run, as runpy
    leaves it once pytest has started); returns its path, sys.argv[0] there. multiprocessing's spawn and
    forkserver start a child by importing the parent's main module again, unless it is a package's
    __main__: the server's script, imported again, ran a whole server in the test's child process."""
    spec = importlib.util.find_spec("pytest.__main__")
    main = types.ModuleType("__main__")
    main.__spec__ = spec
    main.__file__ = spec.origin
    main.__loader__ = spec.loader
    main.__package__ = "pytest"
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    return spec.origin


def serve(request):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(err_r)
        child(request, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    send(b"P", str(pid).encode())
    kinds = {out_r: b"O", err_r: b"E"}
    while kinds:
        ready, _, _ = select.select(list(kinds), [], [])
        for fd in ready:
            data = os.read(fd, 65536)
            if data:
                send(kinds[fd], data)
            else:
                os.close(fd)
                del kinds[fd]
    _, status = os.waitpid(pid, 0)
    send(b"X", str(os.waitstatus_to_exitcode(status)).encode())


def main():
    # RedYellow's skip plugin (PytestSkips), which PYTEST_PLUGINS names in every run: imported once here, each
    # child registers it as pytest finds it in sys.modules. A failure leaves the import to the child, as in a plain run.
    if "redyellow_pytest_skips" in os.environ.get("PYTEST_PLUGINS", "").split(","):
        try:
            importlib.import_module("redyellow_pytest_skips")
        except Exception:  # noqa: BLE001
            pass
    # What the server imported stays as it is in every child: frozen, the collector of a run's child
    # does not walk it again in each of its collections (pytest collects five times at its end).
    warm_up()
    if STATEMENT_RANGES is not None:
        STATEMENT_RANGES.learning = False
    gc.collect()
    gc.freeze()
    send(b"R", b"")
    for line in REQUESTS:
        if line.strip():
            serve(json.loads(line))


if __name__ == "__main__":  # not when imported again as multiprocessing's __mp_main__ (see as_python_m_pytest)
    main()
    # The end of the input ends the server without the interpreter's teardown. Every fork left the server's
    # pages write-protected, and the teardown frees every object, so it wrote to nearly all of them, a page
    # fault each: 74-102 ms after three runs where a fresh server ends in 9 ms, and the host waits for it at
    # the end of every run of the project. There is nothing to write: frames go out unbuffered, the code
    # cache's entries are on disk already, and the runs' children have all been waited for.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed stderr: nothing more can be said, and the exit stays clean
    os._exit(0)
