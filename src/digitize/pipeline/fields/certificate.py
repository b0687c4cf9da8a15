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

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from digitize.pipeline.fields.layout import Layout
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.result import Found
from digitize.pipeline.fields.subject import opening_lost, reads_well
from digitize.pipeline.fields.text import clean_value, fold1
from digitize.pipeline.model import ExtractedField

CERTIFICATE = "Giấy chứng nhận"
# the body's line (folded, ``fold1``): "Đủ điều kiện:" with its colon as a blurred photo may read it
_CONDITION = re.compile(r"^\W{0,2}du\s+dieu\s+kien\s*[:;.,\-]\s*(?=\w)")
RESTATED_CONF = 0.55
SURE = 0.6  # a subject read at least this sure is kept as read
# the title run on and the body's line share at least this share of the line's words (the same title)
SHARED = 0.5
MIN_WORDS = 2  # the body's line gives at least this many words
CUT_WORDS = 2  # a title in doubt read short of the body's line by at most this many words is cut


def condition_line(lines: Sequence[Line]) -> str | None:
    """What the body's "Đủ điều kiện: …" line says (its end's stop dropped), when it is one phrase (no stop
    inside: "… lái xe. Cơ sở đủ điều kiện đào tạo nghề;" says more than a title) that reads well; else
    None."""
    for ln in lines:
        m = _CONDITION.match(ln.folded)
        if m is None:
            continue
        said = clean_value(ln.text[m.end() :])
        words = said.split()
        if len(words) < MIN_WORDS or re.search(r"[.;]", said) or not reads_well(words):
            return None
        return said[:1].lower() + said[1:]
    return None


def _folded_words(text: str) -> list[str]:
    return [fold1(w).strip(".,;:") for w in text.split()]


# a garbled word of the title with at most this many letters tells nothing of the word it stands for ("ÒÐ"
# of "ĐỦ"); a longer one is that word misread only when its letters are this like it (rapidfuzz: "“ÝHỰC" is
# "THỰC" misread, 75, not "quy", 29)
GARBLE_LETTERS = 2
GARBLE_LIKE = 50


def _misread_as(read: str, folded: str, said: str) -> bool:
    """The title's word ``read`` (``folded``) may be the body's word ``said`` (folded) misread: the same word,
    or a word that reads badly with nothing (``GARBLE_LETTERS``) or letters like it (``GARBLE_LIKE``) in
    it."""
    if folded == said:
        return True
    if reads_well([read]):
        return False
    letters = re.sub(r"[\W\d_]", "", folded)
    return len(letters) <= GARBLE_LETTERS or fuzz.ratio(letters, said) >= GARBLE_LIKE


def _lost_inside(tail: list[str], theirs: list[str]) -> bool:
    """The title's words (``tail``, folded) are the body's line's (``theirs``) with one run of words inside
    it left out (neither its first word nor its last)."""
    n = len(theirs) - len(tail)
    return n > 0 and any(tail == theirs[:k] + theirs[k + n :] for k in range(1, len(theirs) - n))


def _lost_opening(tail: list[str], theirs: list[str]) -> bool:
    """The title's words (``tail``, folded) are the body's line's (``theirs``) with its first word or words
    left out: a stamp or a speck over the title's opening ("Ở SỞ LƯU TRÚ …" of "CƠ SỞ LƯU TRÚ …", its "Ở"
    dropped as a speck's)."""
    n = len(theirs) - len(tail)
    return n > 0 and tail == theirs[n:]


def _run_into_authority(tail: list[str], theirs: list[str]) -> bool:
    """The title's words (``tail``, folded) are the body's line's (``theirs``) for the most part, then run
    on into the authority's line under it ("… và công nghệ mô tịch ủy ban nhân dân tỉnh bắc giang")."""
    shared = sum(1 for w in set(theirs) if w in tail)
    if shared < SHARED * len(set(theirs)) or theirs[-1] not in tail:
        return False
    after = " ".join(tail[len(tail) - tail[::-1].index(theirs[-1]) :])
    return bool(after) and _AUTHORITY.search(after) is not None


def _end_covered(lines: Sequence[Line], tail: list[str]) -> bool:
    """Whether the line the title's words (``tail``, folded) end on has a line under it that reads as no words
    (``reads_well``): a stamp's marks over the title's last line."""
    for above, below in itertools.pairwise(lines):
        if _folded_words(above.text)[-2:] == tail[-2:]:
            return not reads_well(below.text.split())
    return False


_VE_VIEC = ["ve", "viec"]
_CONDITION_LABEL = re.compile(r"\bdu\s+dieu\s+kien\s*:")


def _run_into_body(value: str) -> bool:
    """Whether the title read (``value``) runs on into the body's own "Đủ điều kiện:" line, its label and
    colon in it: no title says that label. An incoming stamp over the title's line took it, and the lines
    under the "GIẤY CHỨNG NHẬN" heading were read for it, the holder's lines and all ("Giấy chứng nhận cơ sở:
    Công ty TNHH … Mã số doanh nghiệp/Mã số thuế: … Đủ điều kiện: đủ điều kiện kinh doanh hoạt động thể thao.
    …", seed 901 bitonal alt 006)."""
    return _CONDITION_LABEL.search(fold1(value).lower()) is not None


_AUTHORITY = re.compile(r"\b(uy ban|chu tich|giam doc|truong|bo truong)\b")


def restated_title(
    subject: Found,
    type_name: str | None,
    lines: Sequence[Line],
    *,
    blurred: bool = False,
    own: Sequence[Line] = (),
    layout: Layout | None = None,
) -> Found:
    """A certificate's subject taken from its body's "Đủ điều kiện:" line where the subject is lost, or in
    doubt (a ``blurred`` page's always is: its letters are guesses) and read worse than the line: its words
    the line's where they read badly, its last words lost, or run on into the authority's line, or its first
    words lost where the page shows it (``own``, the subject's lines under ``layout``'s heading: see
    ``subject.opening_lost``) (see the module)."""
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
    if (f.confidence >= SURE and not blurred) or f.value == value:
        return subject
    head = _folded_words(CERTIFICATE)
    mine = _folded_words(f.value)
    n = len(head) if mine[: len(head)] == head else 0
    # "Về việc" opening a certificate's title (no certificate's title opens so, under "GIẤY CHỨNG NHẬN"): put
    # back by the subject's reader from a garble over the title's opening ("5Ö #6: `'tờ sở pù ĐIỀU KIỆN …" of
    # "CƠ SỞ ĐỦ ĐIỀU KIỆN …" under an incoming stamp, seed 567 b dev 013): those two words stand for the
    # title's first words, lost
    ve_head = n == 0 and mine[:2] == _VE_VIEC
    n = len(_VE_VIEC) if ve_head else n
    tail, read = mine[n:], f.value.split()[n:]
    theirs = _folded_words(said)
    if len(tail) == len(theirs):
        taken = all(_misread_as(r, t, s) for r, t, s in zip(read, tail, theirs, strict=True))
    elif MIN_WORDS <= len(tail) < len(theirs) <= len(tail) + CUT_WORDS:
        # the title's last words lost (an incoming stamp over its last line: "… THỰC PHẨM NÔNG" over the
        # stamp's "ĐẾ! y: 2 225)" of "… NÔNG SẢN", seed 423 alt 006) or run together into no word ("… BỆNH
        # ĐÔNGVI" of "ĐỘNG VẬT" on a blurred photo, seed 429 alt 006): what was read is the line's opening,
        # and the line under the title's reads as no words (``_end_covered``) or its last word is none; a
        # title read whole over the authority's line stays (REVIEW-35)
        lost = _end_covered(lines, tail) or not reads_well(read[-1:])
        taken = lost and all(_misread_as(r, t, s) for r, t, s in zip(read, tail, theirs, strict=False))
        # a word or two lost inside the title ("ĐỦ KIỆN KINH DOANH …" of "ĐỦ ĐIỀU KIỆN …": the stamp's pass
        # read "ĐỦ" at 50 and nothing of "ĐIỀU"): the line's words but a run of them inside
        taken = taken or _lost_inside(tail, theirs)
        # its first word or two lost ("… NHẬN [CƠ SỞ] AN TOÀN DỊCH BỆNH …": the title in doubt for it),
        # where the page shows it: the title's line off centre by their width, something over their room
        # (a title typed off centre with nothing there is as printed: "An toàn …" no "[Vùng] an toàn …")
        taken = taken or (
            _lost_opening(tail, theirs)
            and (ve_head or opening_lost(own, layout, tail[0], " ".join(theirs[: len(theirs) - len(tail)])))
        )
    else:
        taken = len(tail) > len(theirs) and (_run_into_authority(tail, theirs) or _run_into_body(f.value))
    if not taken:
        return subject
    return Found(
        tuple(replace(x, value=value, confidence=RESTATED_CONF) if x is f else x for x in subject.fields)
    )
