"""A document's budget for the second, targeted readings of its pages.

The second passes (a stamp over the subject, a dropped signature block, the signer's block and name under a
seal, the handwritten number and date) each read a small region again, bounded by its own Tesseract timeout;
nothing bounded their sum over a document: a crafted document whose every page asks for every pass (a
"Nơi nhận" list with no signer, a header of doubtful digits) made each page pay for up to five more readings.
``Settings.ocr_second_pass_seconds`` is what one document's second passes may take in all, in CPU seconds
(``tesseract.cpu_seconds``: the page process's, Tesseract's in-process readings and OpenCV's threads
included, and those of the Tesseract children it waited for; a page process reads one page at a time): each
pass runs only while some is left, its Tesseract readings stopped once they have used what was left
(``tesseract.cpu_limit``) and ended by ``WALL_PER_CPU`` times it in wall time (and the page's passes by that
times what the page began with: a reading that waits, on a stalled machine, holds its worker no longer), and
the CPU it took is added to the document's tally. A pass's own Python between its readings is not stopped
(a few crops' worth), and pages read at once may each start a pass with what was left: the sum can pass the
budget by about that. When the budget is spent, later pages keep their first reading (a normal
document's passes take a few seconds: the budget is never reached). It counted wall time once: on a machine
loaded twenty deep a normal document's passes took the 60 s and its later pages lost their second readings
(eval seed 41 read 0.959 of its fields instead of 0.974) — what the budget bounds is a crafted document's
work, and that is CPU.

The tally is a small file in the document's work folder, added to under a lock, so the processes reading the
pages of one document in parallel share it (``PassBudget``: ``digitize ocr``). The store's executors (the
embedded pool, Celery) read a document's pages as separate page tasks, perhaps on several machines: their
tally is a column of the document's row (``processing.machine.DocumentTally``). A page read with no document
gets a budget of its own (``PageTally``). Each is a ``Budget``.
"""

from __future__ import annotations

import fcntl
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from digitize.tools.tesseract import cpu_seconds

__all__ = ["WALL_PER_CPU", "Budget", "PageTally", "PassBudget", "cpu_seconds"]

# a pass's readings end by this many times the CPU seconds left, in wall time: room for a loaded machine,
# still an end for a reading that waits (their CPU is held to what is left: ``tesseract.cpu_limit``)
WALL_PER_CPU = 4.0


class Budget(Protocol):
    """Seconds of second readings still to spend, and spending them."""

    def left(self) -> float: ...

    def spend(self, seconds: float) -> None: ...


_FORMAT = "<d"  # seconds spent, one little-endian double


@dataclass(frozen=True)
class PassBudget:
    """``seconds`` of second readings for one document, the time spent kept in the file ``tally``."""

    tally: Path
    seconds: float

    def left(self) -> float:
        """Seconds still to spend (0 or less: none)."""
        return self.seconds - self._update(0.0)

    def spend(self, seconds: float) -> None:
        """Add ``seconds`` to the document's tally."""
        self._update(max(0.0, seconds))

    def _update(self, add: float) -> float:
        """The tally after adding ``add``, read and written under an exclusive lock."""
        fd = os.open(self.tally, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            data = os.pread(fd, struct.calcsize(_FORMAT), 0)
            spent = struct.unpack(_FORMAT, data)[0] if len(data) == struct.calcsize(_FORMAT) else 0.0
            if add:
                spent += add
                os.pwrite(fd, struct.pack(_FORMAT, spent), 0)
            return float(spent)
        finally:
            os.close(fd)  # the lock goes with the descriptor


class PageTally:
    """The budget of a page read on its own: ``seconds`` for its second readings (in memory)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent = 0.0

    def left(self) -> float:
        return self.seconds - self.spent

    def spend(self, seconds: float) -> None:
        self.spent += max(0.0, seconds)
