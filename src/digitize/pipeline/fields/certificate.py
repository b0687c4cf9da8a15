"""A certificate's title restated by its body: "Đủ điều kiện: <what the certificate says the holder meets>".

A certificate of conditions (Giấy chứng nhận … đủ điều kiện …) names what it certifies twice: in its title
under "GIẤY CHỨNG NHẬN" ("ĐỦ ĐIỀU KIỆN KINH DOANH DƯỢC") and in the body's "Đủ điều kiện: đủ điều kiện kinh
doanh dược." line. On a blurred photo an incoming stamp or the blur takes the title's line (the subject lost,
or "ÒÐ ĐIỀU KIỆN …", or run on into the authority's line under it: "… khoa học và công nghệ mô tịch ủy ban
nhân dân tỉnh bắc giang") while the body's line, printed plain, reads well. Where the subject is lost or in
doubt and reads worse than the body's line (a word no word, or more words than the line), the title is taken
from that line — always in doubt (``RESTATED_CONF``: the two say the same on the documents seen, a person
checks that they do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import reads_well
from digitize.pipeline.fields.text import clean_value, fold1
from digitize.pipeline.model import ExtractedField

CERTIFICATE = "Giấy chứng nhận"
# the body's line (folded, ``fold1``): "Đủ điều kiện:" with its colon as a blurred photo may read it
_CONDITION = re.compile(r"^\W{0,2}du\s+dieu\s+kien\s*[:;.,\-]\s*(?=\w)")
RESTATED_CONF = 0.55
SURE = 0.6  # a subject read at least this sure is kept as read
# the body's line and the subject share at least this share of the line's words (the same title, misread)
SHARED = 0.5
MIN_WORDS = 2  # the body's line gives at least this many words


def condition_line(lines: Sequence[Line]) -> str | None:
    """What the body's "Đủ điều kiện: …" line says (its end's stop dropped), when it reads well; else
    None."""
    for ln in lines:
        m = _CONDITION.match(ln.folded)
        if m is None:
            continue
        said = clean_value(ln.text[m.end() :])
        words = said.split()
        if len(words) < MIN_WORDS or not reads_well(words):
            return None
        return said[:1].lower() + said[1:]
    return None


def _folded_words(text: str) -> list[str]:
    return [fold1(w).strip(".,;:") for w in text.split()]


def restated_title(subject: Found, type_name: str | None, lines: Sequence[Line]) -> Found:
    """A certificate's subject taken from its body's "Đủ điều kiện:" line where the subject is lost, or in
    doubt and read worse than the line (see the module)."""
    if type_name != CERTIFICATE:
        return subject
    said = condition_line(lines)
    if said is None:
        return subject
    value = f"{CERTIFICATE} {said}"
    f = subject.get("subject")
    if f is None or not f.value:
        return Found(
            (*(x for x in subject.fields if x is not f), ExtractedField("subject", value, RESTATED_CONF))
        )
    if f.confidence >= SURE or f.value == value:
        return subject
    head = _folded_words(CERTIFICATE)
    mine = _folded_words(f.value)
    tail = mine[len(head) :] if mine[: len(head)] == head else mine
    theirs = _folded_words(said)
    shared = sum(1 for w in set(theirs) if w in tail)
    own_words = f.value.split()[len(f.value.split()) - len(tail) :]
    worse = not reads_well(own_words) or len(tail) > len(theirs)
    if shared < SHARED * len(set(theirs)) or not worse:
        return subject
    return Found(
        tuple(replace(x, value=value, confidence=RESTATED_CONF) if x is f else x for x in subject.fields)
    )
