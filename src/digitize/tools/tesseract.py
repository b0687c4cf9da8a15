"""Tesseract 5, behind one small module.

Probes presence, version and installed languages (``ToolMissing`` when absent), and runs recognition with
one OpenMP thread (Tesseract's OpenMP threads make a page several times slower on a small machine; we run one
process per core instead) and a per-call timeout, in one of two ways that give the same words, boxes and
confidences (``Token``), number for number:

- in process (``settings.ocr_in_process``, the default): the installed ``libtesseract.so.5`` through its C API
  (ctypes), one engine per thread and language initialised once and kept (a call's ``-c`` variables set on
  it for that call and put back after; one that Tesseract reads only at initialisation gets its own engine),
  the page's grey pixels handed over as they are, the timeout as Tesseract's own deadline, the words read with
  its result iterator (``_words``: cheaper than having it write the TSV). A child process per call costs
  ~65 ms of CPU before it reads a pixel (loading its libraries and the model: ``tesseract --version`` alone
  takes 80 ms), the BMP encoding and the pipe; measured on the 13 real pages (``bench/ocr.py``) this saves
  ~9 % of Tesseract's time on a page read once, more on pages with a second pass. The OpenMP thread limit is
  read by libgomp once, when it is loaded: it is loaded here with ``OMP_THREAD_LIMIT=1`` (the variable
  restored at once); when something had loaded libgomp before, the limit cannot be set and the child process
  is used.
- a child process (``tesseract stdin stdout``, the page piped as BMP, ``OMP_THREAD_LIMIT=1`` in the child's
  own environment): the fallback, and always for orientation detection (``osd``, rarely asked).

Nothing here leaves this process's environment changed. When ``libompinline.so`` is built (``OMP_INLINE``),
it is loaded globally before libtesseract and its four OpenMP entry points answer every library loaded after
it: a region runs inline on its thread, as the team of one the thread limit of 1 makes of it anyway.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import ctypes
import math
import os
import resource
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from digitize.errors import ToolFailed, ToolMissing


@dataclass(frozen=True)
class TesseractInfo:
    path: str
    version: str
    languages: frozenset[str]


@dataclass(frozen=True)
class Token:
    """One row of Tesseract's TSV output at word level."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int
    word: int


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


@lru_cache(maxsize=1)
def probe() -> TesseractInfo:
    """Where Tesseract is, which version and which languages it has."""
    path = shutil.which("tesseract")
    if path is None:
        raise ToolMissing(
            "Không tìm thấy chương trình Tesseract OCR (cài tesseract-ocr tesseract-ocr-vie).",
            "Tesseract OCR is not installed (install tesseract-ocr tesseract-ocr-vie).",
        )
    try:
        out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, env=_env(), check=False
        )
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env(), check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolMissing(f"Không chạy được Tesseract: {exc}", f"Cannot run Tesseract: {exc}") from exc
    first = (out.stdout or out.stderr).strip().splitlines()
    version = first[0].split()[-1] if first else "unknown"
    names = frozenset(
        line.strip() for line in langs.stdout.splitlines()[1:] if line.strip() and " " not in line.strip()
    )
    return TesseractInfo(path=path, version=version, languages=names)


def require(languages: str) -> TesseractInfo:
    """The probe, raising ``ToolMissing`` unless every language of ``vie+eng`` is installed."""
    info = probe()
    major = info.version.lstrip("v").split(".")[0]
    if major.isdigit() and int(major) < 4:
        raise ToolMissing(
            f"Cần Tesseract 4 trở lên (đang có {info.version}).",
            f"Tesseract 4 or later is needed (found {info.version}).",
        )
    missing = [lang for lang in languages.split("+") if lang and lang not in info.languages]
    if missing:
        raise ToolMissing(
            f"Tesseract thiếu dữ liệu ngôn ngữ: {', '.join(missing)} (cài tesseract-ocr-vie).",
            f"Tesseract lacks language data: {', '.join(missing)} (install tesseract-ocr-vie).",
        )
    return info


def _to_pil(image: np.ndarray | Image.Image) -> Image.Image:
    pil = image if isinstance(image, Image.Image) else Image.fromarray(image)
    # BMP: no compression work on either side of the pipe; Tesseract (Leptonica) reads it directly.
    pil.format = "BMP"
    return pil


def _run(args: list[str], image: np.ndarray | Image.Image, *, timeout: float) -> str:
    """Run Tesseract on ``image`` (piped as BMP) with ``args``; its stdout as text."""
    import io

    buf = io.BytesIO()
    _to_pil(image).save(buf, format="BMP")
    cpu_left = _cpu_left()
    try:
        proc = subprocess.run(
            [probe().path, "stdin", "stdout", *args],
            input=buf.getvalue(),
            capture_output=True,
            timeout=timeout,
            env=_env(),
            check=False,
            # inside ``cpu_limit``: the child killed (SIGXCPU, then SIGKILL) once it has used what is left
            preexec_fn=None if cpu_left is None else _limit_cpu(cpu_left),
        )
    except subprocess.TimeoutExpired as exc:
        raise _timed_out(timeout) from exc
    except OSError as exc:
        raise ToolMissing(f"Không chạy được Tesseract: {exc}", f"Cannot run Tesseract: {exc}") from exc
    if cpu_left is not None and proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise _timed_out(timeout)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        raise ToolFailed(f"Tesseract lỗi: {err}", f"Tesseract failed: {err}")
    return proc.stdout.decode("utf-8", "replace")


def _timed_out(timeout: float) -> ToolFailed:
    return ToolFailed(
        f"Tesseract quá thời gian ({timeout:.0f} giây) cho một trang.",
        f"Tesseract timed out ({timeout:.0f} s) on a page.",
    )


# --- in process: libtesseract's C API -----------------------------------------------------------------

_VP, _CP, _INT = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
# Tesseract's cancel callback (``TessCancelFunc``: cancel_this, words so far -> stop), asked where it asks
# its deadline
_CANCEL = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_int)
_SIGNATURES: dict[str, tuple[list[type], type | None]] = {
    "TessVersion": ([], _CP),
    "TessBaseAPICreate": ([], _VP),
    "TessBaseAPIInit4": (
        [_VP, _CP, _CP, _INT, _VP, _INT, ctypes.POINTER(_CP), ctypes.POINTER(_CP), ctypes.c_size_t, _INT],
        _INT,
    ),
    "TessBaseAPISetVariable": ([_VP, _CP, _CP], _INT),
    "TessBaseAPIGetIntVariable": ([_VP, _CP, ctypes.POINTER(_INT)], _INT),
    "TessBaseAPIGetBoolVariable": ([_VP, _CP, ctypes.POINTER(_INT)], _INT),
    "TessBaseAPIGetDoubleVariable": ([_VP, _CP, ctypes.POINTER(ctypes.c_double)], _INT),
    "TessBaseAPIGetStringVariable": ([_VP, _CP], _CP),
    "TessBaseAPISetPageSegMode": ([_VP, _INT], None),
    "TessBaseAPISetImage": ([_VP, _VP, _INT, _INT, _INT, _INT], None),
    "TessBaseAPISetSourceResolution": ([_VP, _INT], None),
    "TessBaseAPIRecognize": ([_VP, _VP], _INT),
    "TessBaseAPIGetTsvText": ([_VP, _INT], _VP),
    "TessBaseAPIGetIterator": ([_VP], _VP),
    "TessResultIteratorDelete": ([_VP], None),
    "TessResultIteratorGetPageIterator": ([_VP], _VP),
    "TessResultIteratorNext": ([_VP, _INT], _INT),
    "TessResultIteratorConfidence": ([_VP, _INT], ctypes.c_float),
    "TessResultIteratorGetUTF8Text": ([_VP, _INT], _VP),
    "TessPageIteratorIsAtBeginningOf": ([_VP, _INT], _INT),
    "TessPageIteratorBoundingBox": ([_VP, _INT, *[ctypes.POINTER(_INT)] * 4], _INT),
    "TessBaseAPIClear": ([_VP], None),
    "TessBaseAPIEnd": ([_VP], None),
    "TessBaseAPIDelete": ([_VP], None),
    "TessDeleteText": ([_VP], None),
    "TessMonitorCreate": ([], _VP),
    "TessMonitorSetDeadlineMSecs": ([_VP, _INT], None),
    "TessMonitorSetCancelFunc": ([_VP, _CANCEL], None),
    "TessMonitorDelete": ([_VP], None),
}
_OEM_LSTM_ONLY = 1
_lib_lock = threading.Lock()
_lib: list[ctypes.CDLL | None] = []  # [] not tried yet; [None] not usable here
_engines = threading.local()  # .set: this thread's _Engines


def _gomp_loaded() -> bool:
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            return any("libgomp" in line for line in fh)
    except OSError:
        return True  # cannot tell: do not risk Tesseract's OpenMP threads


_LEPTONICA = ("liblept.so.5", "libleptonica.so.6")  # Debian 12's name, then newer releases
L_SEVERITY_NONE = 6  # Leptonica's msg severity that prints nothing


def _quiet_leptonica() -> None:
    """Leptonica's messages off ("Error in pixScanForForeground: invalid box", printed to our stderr by
    Tesseract's page layout on specks and rules; harmless, and thrown away with the child's stderr when
    Tesseract runs as a program)."""
    for name in _LEPTONICA:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(name).setMsgSeverity(L_SEVERITY_NONE)
            return


def _library() -> ctypes.CDLL | None:
    """libtesseract with one OpenMP thread, or None (not installed, too old, or the limit cannot be set)."""
    with _lib_lock:
        if _lib:
            return _lib[0]
        lib: ctypes.CDLL | None = None
        if not _gomp_loaded():
            old = os.environ.get("OMP_THREAD_LIMIT")
            os.environ["OMP_THREAD_LIMIT"] = "1"  # read by libgomp when it loads, below, and only then
            try:
                with contextlib.suppress(OSError):  # a Tesseract built without OpenMP has none
                    ctypes.CDLL("libgomp.so.1")
                inline = _omp_inline()
                lib = ctypes.CDLL("libtesseract.so.5")
                for name, (args, res) in _SIGNATURES.items():
                    fn = getattr(lib, name)
                    fn.argtypes, fn.restype = args, res
                if not lib.TessVersion().decode().startswith("5."):
                    lib = None
                elif inline is not None and not inline.ompinline_intercept_line_images():
                    # Leptonica's pixWriteMem not found: libtesseract's calls, bound to the library's, would
                    # fail (Tesseract aborts on a line image without data): the engine runs as a child
                    lib = None
                elif inline is not None:
                    # the LSTM's steps answered by the library, each once checked (0: libtesseract's own)
                    for part in LSTM_INLINE_PARTS:
                        LSTM_INLINE[part] = bool(getattr(inline, f"ompinline_intercept_{part}")())
                _quiet_leptonica()
            except (OSError, AttributeError):
                lib = None
            finally:
                if old is None:
                    del os.environ["OMP_THREAD_LIMIT"]
                else:
                    os.environ["OMP_THREAD_LIMIT"] = old
        _lib.append(lib)
        return lib


# libtesseract's OpenMP regions run inline (``ompinline.c``, built by ``make ompinline``): with one thread,
# each region otherwise costs libgomp a team of one and a futex syscall at its end (~100,000 a phone photo;
# the real photos 3-9 % less CPU, the same words). The same library keeps the text-line images libtesseract
# hands its LSTM uncompressed (Leptonica's SPIX, not PNG: ~4 % less CPU on the real photos, the same words)
# and answers the LSTM's index steps (``StrideMap::Index``) each in one call, not a dozen through
# libtesseract's PLT, rounds an LSTM layer's outputs to the next one's int8 inputs eight at a time, not one
# by one, and steps its convolution over a line's pixels inline; each once it has checked it gives what
# libtesseract's own gives (``LSTM_INLINE``); the convolution, which reads libtesseract 5.3's C++ objects,
# also checks each layer it is given and runs both on its first calls in a process, off for good on a
# difference (``ompinline_convolve_on``). The real photos: ~20 % less CPU, the same words
OMP_INLINE = Path(__file__).with_name("libompinline.so")
# the parts (``ompinline_intercept_<part>``), in the order they are checked (the convolution's needs the two
# others' checks)
LSTM_INLINE_PARTS = ("stride_map", "time_steps", "convolve")
# part: True once the library answers libtesseract's calls, False when its check failed; empty: not loaded
LSTM_INLINE: dict[str, bool] = {}


def _omp_inline() -> ctypes.CDLL | None:
    """Load ``OMP_INLINE`` globally (before libtesseract: its OpenMP entry points and ``pixWriteMem`` then
    take libgomp's and Leptonica's) when it is built and ``settings.ocr_omp_inline``; the library, or None.
    Its ``pixWriteMem`` passes every call to Leptonica's until ``ompinline_intercept_line_images()``
    (called once libtesseract, and Leptonica with it, is loaded) has found Leptonica's own."""
    from digitize.config import get_settings

    if not get_settings().ocr_omp_inline or not OMP_INLINE.is_file():
        return None
    try:
        inline = ctypes.CDLL(str(OMP_INLINE), mode=ctypes.RTLD_GLOBAL)
        for part in ("line_images", *LSTM_INLINE_PARTS):
            name = f"ompinline_intercept_{part}"
            getattr(inline, name).restype = ctypes.c_int
            getattr(inline, name).argtypes = []
    except (OSError, AttributeError):
        return None
    return inline


class _Engines:
    """One thread's engines by (language, variables). Ended when the thread ends (its ``threading.local``
    goes, and this with it), or at exit for the main thread; a forked child leaves its parent's alone."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self.lib, self.pid, self.by_key = (
            lib,
            os.getpid(),
            dict[tuple[str, tuple[tuple[str, str], ...]], int](),
        )

    def get(self, lang: str, variables: tuple[tuple[str, str], ...]) -> int:
        key = (lang, variables)
        handle = self.by_key.get(key)
        if handle is None:
            lib = self.lib
            handle = lib.TessBaseAPICreate()
            names = (_CP * (len(variables) + 1))(*[k.encode() for k, _ in variables], b"debug_file")
            values = (_CP * (len(variables) + 1))(*[v.encode() for _, v in variables], os.devnull.encode())
            # the variables set at initialisation, as ``tesseract -c`` does; Tesseract's own messages to
            # /dev/null (a child's stderr was thrown away too)
            rc = lib.TessBaseAPIInit4(
                handle, None, lang.encode(), _OEM_LSTM_ONLY, None, 0, names, values, len(variables) + 1, 0
            )
            if rc != 0:
                lib.TessBaseAPIDelete(handle)
                raise ToolFailed(
                    f"Không khởi tạo được Tesseract cho ngôn ngữ {lang}.",
                    f"Cannot initialise Tesseract for {lang}.",
                )
            self.by_key[key] = handle
        return handle

    def end(self) -> None:
        if self.pid == os.getpid():
            for handle in self.by_key.values():
                self.lib.TessBaseAPIEnd(handle)
                self.lib.TessBaseAPIDelete(handle)
        self.by_key.clear()

    def __del__(self) -> None:
        self.end()


def _engine(lib: ctypes.CDLL, lang: str, variables: tuple[tuple[str, str], ...]) -> int:
    """This thread's engine for ``lang`` with ``variables``, made once."""
    engines: _Engines | None = getattr(_engines, "set", None)
    if engines is None or engines.pid != os.getpid():  # a forked child does not use its parent's engines
        if engines is not None:
            engines.by_key.clear()  # the parent's: not ours to end
        engines = _engines.set = _Engines(lib)
    return engines.get(lang, variables)


def preload(lang: str) -> bool:
    """Make this thread's engine for ``lang`` now (a worker warming up before it takes documents): its first
    page then does not pay for loading the model (~0.08 CPU s for ``vie``, as much for ``eng``). False when
    the engine runs as a child process per call (nothing kept between calls) or ``lang`` is not installed."""
    lib = _library() if _in_process() else None
    if lib is None or any(part not in probe().languages for part in lang.split("+")):
        return False
    _engine(lib, lang, ())
    return True


@atexit.register
def _end_engines() -> None:
    engines: _Engines | None = getattr(_engines, "set", None)
    if engines is not None:
        engines.end()


_BLOCK, _PARA, _TEXTLINE, _WORD = 0, 1, 2, 3  # Tesseract's PageIteratorLevel


def _words_in_process(
    lib: ctypes.CDLL,
    image: np.ndarray | Image.Image,
    *,
    lang: str,
    psm: int,
    dpi: int,
    timeout: float,
    variables: tuple[tuple[str, str], ...],
) -> list[Token]:
    grey = np.asarray(image.convert("L") if isinstance(image, Image.Image) else image)
    if grey.ndim == 3:
        grey = np.asarray(Image.fromarray(grey).convert("L"))
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    handle = _engine(lib, lang, ())
    restore = _set_variables(lib, handle, variables)
    if restore is None:  # a variable Tesseract reads only at initialisation: an engine made with it
        handle, restore = _engine(lib, lang, variables), []
    lib.TessBaseAPISetPageSegMode(handle, psm)
    lib.TessBaseAPISetImage(handle, grey.ctypes.data, grey.shape[1], grey.shape[0], 1, grey.strides[0])
    lib.TessBaseAPISetSourceResolution(handle, dpi)
    monitor = lib.TessMonitorCreate()
    cpu_at = _CPU_LIMIT.get()
    # kept referenced until Tesseract is done with it
    cancel = None if cpu_at is None else _CANCEL(lambda _this, _words: cpu_seconds() > cpu_at)
    try:
        lib.TessMonitorSetDeadlineMSecs(monitor, max(1, round(timeout * 1000)))
        if cancel is not None:
            lib.TessMonitorSetCancelFunc(monitor, cancel)
        if lib.TessBaseAPIRecognize(handle, monitor) != 0:
            raise _timed_out(timeout)
        return _words(lib, handle)
    finally:
        lib.TessMonitorDelete(monitor)
        lib.TessBaseAPIClear(handle)
        for name, old in restore:
            lib.TessBaseAPISetVariable(handle, name.encode(), old.encode())


# variables Tesseract reads at each page (the ones the pipeline sets): set per call on a shared engine
_PER_PAGE = frozenset(
    {
        "tessedit_do_invert",
        "textord_disable_pitch_test",
        "paragraph_text_based",  # read by TessBaseAPI::Recognize
        "tessedit_char_whitelist",
        "tessedit_char_blacklist",
        "tessedit_char_unblacklist",
    }
)


def _current(lib: ctypes.CDLL, handle: int, name: str) -> str | None:
    """A variable's value as ``SetVariable`` takes it, or None when there is no such variable."""
    key, number, real = name.encode(), ctypes.c_int(), ctypes.c_double()
    if lib.TessBaseAPIGetIntVariable(handle, key, ctypes.byref(number)):
        return str(number.value)
    if lib.TessBaseAPIGetBoolVariable(handle, key, ctypes.byref(number)):
        return "1" if number.value else "0"
    if lib.TessBaseAPIGetDoubleVariable(handle, key, ctypes.byref(real)):
        return repr(real.value)
    text: bytes | None = lib.TessBaseAPIGetStringVariable(handle, key)
    return None if text is None else text.decode()


def _set_variables(
    lib: ctypes.CDLL, handle: int, variables: tuple[tuple[str, str], ...]
) -> list[tuple[str, str]] | None:
    """Set ``variables`` on the language's shared engine for one call: the (name, old value) pairs to put
    back after it, or None (nothing left changed) when one of them is not known to be read per page
    (Tesseract accepts ``load_system_dawg`` after initialisation too, and ignores it)."""
    if any(name not in _PER_PAGE for name, _ in variables):
        return None
    done: list[tuple[str, str]] = []
    for name, value in variables:
        old = _current(lib, handle, name)
        if old is None or not lib.TessBaseAPISetVariable(handle, name.encode(), value.encode()):
            for n, v in done:
                lib.TessBaseAPISetVariable(handle, n.encode(), v.encode())
            return None
        done.append((name, old))
    return done


def _words(lib: ctypes.CDLL, handle: int) -> list[Token]:
    """The recognised words as Tesseract's TSV gives them (the same numbers: ``parse_tsv`` of
    ``TessBaseAPIGetTsvText`` on every real page we have, and a test), read with its result iterator.

    The TSV writer asks at every word whether it begins a block, paragraph and line, and each of these
    questions walks the line again (its reading order): ~7 % of the recognition time of a page, ~55 ms on a
    phone photo, a quarter of that here. Here a line starts where the word's line box changes, and only
    then are block and paragraph asked."""
    it = lib.TessBaseAPIGetIterator(handle)
    if not it:
        return []
    page_it = lib.TessResultIteratorGetPageIterator(it)
    left, top, right, bottom = ctypes.c_int(), ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    box = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    bounding_box, at_beginning = lib.TessPageIteratorBoundingBox, lib.TessPageIteratorIsAtBeginningOf
    confidence, utf8, delete = (
        lib.TessResultIteratorConfidence,
        lib.TessResultIteratorGetUTF8Text,
        lib.TessDeleteText,
    )
    tokens: list[Token] = []
    block = par = line = word = 0
    line_box: tuple[int, int, int, int] | None = None
    try:
        while True:
            if bounding_box(page_it, _WORD, *box):  # false on an empty (non-text) element, as the TSV skips
                x0, y0, x1, y1 = left.value, top.value, right.value, bottom.value
                bounding_box(page_it, _TEXTLINE, *box)
                here = (left.value, top.value, right.value, bottom.value)
                if here != line_box:
                    line_box = here
                    if at_beginning(page_it, _BLOCK):
                        block, par, line = block + 1, 0, 0
                    if at_beginning(page_it, _PARA):
                        par, line = par + 1, 0
                    line, word = line + 1, 0
                word += 1
                conf = confidence(it, _WORD)
                raw = utf8(it, _WORD)
                text = ctypes.string_at(raw).decode("utf-8", "replace").strip() if raw else ""
                if raw:
                    delete(raw)
                if text:
                    # the TSV prints the confidence with six decimals (std::to_string)
                    tokens.append(
                        Token(text, float(f"{conf:f}"), x0, y0, x1 - x0, y1 - y0, block, par, line, word)
                    )
            if not lib.TessResultIteratorNext(it, _WORD):
                break
    finally:
        lib.TessResultIteratorDelete(it)
    return tokens


def _variables(extra: str) -> tuple[tuple[str, str], ...] | None:
    """``-c name=value`` pairs of ``extra``, or None when it holds anything else."""
    parts = extra.split()
    if len(parts) % 2:
        return None
    pairs = list(zip(parts[::2], parts[1::2], strict=True))
    if any(flag != "-c" or "=" not in kv for flag, kv in pairs):
        return None
    return tuple((kv.split("=", 1)[0], kv.split("=", 1)[1]) for _, kv in pairs)


def image_to_data(
    image: np.ndarray | Image.Image,
    *,
    lang: str,
    psm: int = 3,
    dpi: int = 300,
    timeout: float = 180.0,
    extra: str = "",
) -> list[Token]:
    """Word-level boxes, texts and confidences (Tesseract TSV), empty words dropped. Inside ``deadline``, the
    call's timeout is cut to what is left of it (nothing left: ToolFailed at once)."""
    require(lang)
    timeout = _within_deadline(timeout)
    _cpu_left()
    variables = _variables(f"-c tessedit_do_invert=0 {extra}")
    lib = _library() if variables is not None and _in_process() else None
    if lib is not None and variables is not None:
        return _words_in_process(
            lib, image, lang=lang, psm=psm, dpi=dpi, timeout=timeout, variables=variables
        )
    args = ["-l", lang, "--psm", str(psm), "--dpi", str(dpi), "-c", "tessedit_do_invert=0", *extra.split()]
    # the TSV as text, parsed here (word rows only)
    return parse_tsv(_run([*args, "tsv"], image, timeout=timeout))


_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("tesseract_deadline", default=None)


@contextlib.contextmanager
def deadline(at: float) -> Iterator[None]:
    """Every ``image_to_data`` call made inside (this thread or task) ends by ``at`` (``time.monotonic()``):
    a pass of several readings keeps to the time it was given, not that time per reading. Nested deadlines
    keep the earlier."""
    with _earlier(_DEADLINE, at):
        yield


@contextlib.contextmanager
def _earlier(var: contextvars.ContextVar[float | None], at: float) -> Iterator[None]:
    """``var`` set to ``at`` inside, or kept where it is already earlier."""
    current = var.get()
    token = var.set(at if current is None else min(at, current))
    try:
        yield
    finally:
        var.reset(token)


def _within_deadline(timeout: float) -> float:
    at = _DEADLINE.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise ToolFailed(
            "Hết thời gian dành cho lần đọc lại này: giữ kết quả đọc lần đầu.",
            "No time left for this reading (its pass's budget is spent): the first reading stays.",
        )
    return min(timeout, left)


def cpu_seconds() -> float:
    """CPU seconds of this process, all its threads (an in-process reading runs on the calling thread; OpenCV
    may run threads of its own), and of its children waited for (a Tesseract child)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


_CPU_LIMIT: contextvars.ContextVar[float | None] = contextvars.ContextVar("tesseract_cpu_limit", default=None)


@contextlib.contextmanager
def cpu_limit(at: float) -> Iterator[None]:
    """Every ``image_to_data`` call made inside stops once ``cpu_seconds()`` passes ``at`` (in process:
    Tesseract's cancel callback, asked where it asks its deadline; a child: its CPU limit), and none starts
    after: a pass spends no more CPU than its budget had left. Nested limits keep the earlier."""
    with _earlier(_CPU_LIMIT, at):
        yield


def _cpu_left() -> float | None:
    """CPU seconds left under ``cpu_limit`` (None: no limit); none left raises ``ToolFailed``."""
    at = _CPU_LIMIT.get()
    if at is None:
        return None
    left = at - cpu_seconds()
    if left <= 0:
        raise ToolFailed(
            "Hết thời gian dành cho lần đọc lại này: giữ kết quả đọc lần đầu.",
            "No time left for this reading (its pass's budget is spent): the first reading stays.",
        )
    return left


def _limit_cpu(seconds: float) -> Callable[[], None]:
    """A child's ``preexec_fn``: its CPU limited to ``seconds`` (whole seconds, at least 1)."""
    soft = max(1, math.ceil(seconds))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))

    return limit


def _in_process() -> bool:
    from digitize.config import get_settings

    return get_settings().ocr_in_process


def parse_tsv(tsv: str) -> list[Token]:
    """Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf
    text; empty words dropped."""
    tokens: list[Token] = []
    for row in tsv.split("\n"):
        if not row.startswith("5\t"):
            continue
        cells = row.split("\t", 11)
        if len(cells) < 12:
            continue
        word = cells[11].strip()
        if not word:
            continue
        tokens.append(
            Token(
                text=word,
                conf=float(cells[10]),
                left=int(cells[6]),
                top=int(cells[7]),
                width=int(cells[8]),
                height=int(cells[9]),
                block=int(cells[2]),
                par=int(cells[3]),
                line=int(cells[4]),
                word=int(cells[5]),
            )
        )
    return tokens


def osd(image: np.ndarray | Image.Image, *, timeout: float = 30.0) -> tuple[int, float]:
    """Tesseract's orientation detection: (degrees to rotate clockwise to make upright, confidence)."""
    info = probe()
    if "osd" not in info.languages:
        return 0, 0.0
    try:
        out = _run(["--psm", "0", "-c", "min_characters_to_try=10"], image, timeout=timeout)
    except ToolFailed:
        return 0, 0.0
    rotate, conf = 0, 0.0
    for line in out.splitlines():
        key, _, value = line.partition(":")
        try:
            if key.strip() == "Rotate":
                rotate = int(value.strip())
            elif key.strip() == "Orientation confidence":
                conf = float(value.strip())
        except ValueError:
            return 0, 0.0
    return rotate, conf
