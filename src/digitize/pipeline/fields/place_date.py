"""Place and issue date from the header's "<place>, ngày … tháng … năm …" line. A body line citing another
act ("Căn cứ Nghị định … ngày 25/01/2016") never gives the issue date; when the header's date line is there
but its day (written by hand) is unreadable, the place is still taken and the date stays unknown."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from digitize.pipeline.fields.dates import (
    WORD_DATE,
    day_unread_dates,
    extra_digit_dates,
    find_dates,
    glued_digit_dates,
    misread_year_dates,
    one_digit_from,
    read_as_letters,
    uncalendared_dates,
    year_digit_lost_dates,
    year_word_lost_dates,
)
from digitize.pipeline.fields.layout import Layout, is_motto, is_motto2
from digitize.pipeline.fields.lines import Line
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.text import clean_value, match, normalize_tones
from digitize.pipeline.fields.vocab import F_PLACES, F_PROVINCES
from digitize.pipeline.model import ExtractedField
from digitize.text import fold, nfc

CITES = re.compile(
    r"^\W*(can cu|xet|theo de nghi)|\b(nghi dinh|thong tu|quyet dinh|luat|cong van) so\b|\bso \S+/"
)
# "Quảng Ngãi, ngày    tháng 01 năm 2025": the header's date line, whatever its digits; the digits written by
# hand may run into the printed words ("ngày 2 Ốtháng 1 {năm 2023", "ngày 2 3 táng ớ năm 2020", "tháng
# 1năm 2021"): the printed "năm" and its year still mark it
# (a regex "ngày" with a look-ahead for "tháng … năm" or "năm <year>" tried every "tháng" and "năm" after
# every "ngày": cubic on a line of them, 5 500 letters of "ngày tháng" took 13 s; each word found once here)
_NGAY = re.compile(r"[,.]?\s*+ng[aà]y\b", re.I)
_THANG = re.compile(r"\bth[aá]ng\b", re.I)
_NAM = re.compile(r"n[aă]m\b", re.I)
_NAM_YEAR = re.compile(r"n[aă]m\s*+(?:19|20)\d\d\b", re.I)


def place_date_start(text: str) -> int | None:
    """Where the date after a date line's place starts (its "," or "." and "ngày"): the first "ngày" followed
    by "tháng" then "năm", or by "năm" and a year. None without one. Linear in the text."""
    nam = [m.start() for m in _NAM.finditer(text)]
    year = [m.start() for m in _NAM_YEAR.finditer(text)]
    thang = [m.span() for m in _THANG.finditer(text)]
    for m in _NGAY.finditer(text):
        after = m.end()
        if year and year[-1] >= after:
            return m.start()
        k = bisect.bisect_left(thang, (after, 0))  # the first "tháng" after it, then a "năm" after that
        if k < len(thang) and nam and nam[-1] >= thang[k][1]:
            return m.start()
    return None


def _province_of(organs: Sequence[str]) -> str | None:
    """The province or central city an organ's name ends with ("UBND thành phố Đà Nẵng", "Sở Y tế" has
    none); with none, a known place named so ("UBND tỉnh Sa Đéc", a province of old, today a city: the
    documents of its organs date there too)."""
    ends = [m.group(1) for name in organs if (m := re.search(r"\b(?:tinh|thanh pho)\s+(.+)$", fold(name)))]
    province = next((F_PROVINCES[e] for e in ends if e in F_PROVINCES), None)
    if province is not None or any(_COMMUNE_BODY.search(fold(name)) for name in organs):
        return province  # a ward's or commune's body dates at its own name, not at its city's (Decree 30)
    return next((F_PLACES[e] for e in ends if e in F_PLACES), None)


_COMMUNE_BODY = re.compile(r"\b(?:ubnd|uy ban nhan dan)\s+(?:phuong|xa|thi tran)\b")


def set_place(
    res: Builder,
    ln: Line,
    prefix: str,
    home: str | None = None,
    *,
    known_only: bool = False,
    organs: Sequence[str] = (),
    ocr: bool = False,
) -> None:
    """The place before the date; ``home``, the province in the issuing organ's or its parent's name: a
    provincial body dates its documents there, so a misread place close to it is it ("Đù Nông" under "UBND
    thành phố Đà Nẵng" is Đà Nẵng, not the nearer spelling Đắk Nông). Only a place misread as another known
    place: one that is none (a district, a town: "Hòa Vang" under "Cục thuế thành phố Đà Nẵng", read right) is
    kept as read. ``known_only``: a body line's date (a cited act's, "… chính quyền địa phương ngày 22 tháng
    11 năm 2019"): only a known place before it is a place. A place read as a name of its own, its words
    Vietnamese, beside the known place spelled near it ("Phổ Yên", a town of Thái Nguyên, one vowel from the
    province Phú Yên) is no sure correction: the read form when ``organs`` (the issuing organ's and its
    parent's names) name it, the known place in doubt otherwise. ``ocr``: the line was read by OCR (a text
    layer's place is as written: never taken for the province garbled, ``_garbled_like_home``)."""
    prefix = re.sub(r"(?i)^.*?(độc lập.*hạnh phúc)", "", prefix)
    prefix = clean_value(prefix)
    if prefix:
        key = re.sub(r"^(thanh pho|tp\.?)\s*", "", fold(prefix))
        hit = match(key, F_PLACES, 78)
        if hit is not None and hit[1] < 0.95:
            near = home if home is not None and fuzz.ratio(key, fold(home)) >= 60 else None
            if near is not None and not _another_place(prefix, near, lenient=True):
                hit = (near, max(0.7, hit[1]))
            elif near is not None and _onset_misread(prefix, near, _unsure_words(ln, prefix, organs)):
                hit = (near, GARBLED_HOME)  # "Hình Định" under "UBND tỉnh Bình Định": it, in doubt
            elif near is not None and not _another_place(prefix, near, lenient=True, cut_ok=True):
                hit = (near, GARBLED_HOME)  # cut short like the organ's province ("Quảng Ni"): it, in doubt
            elif _another_place(prefix, hit[0]):
                hit = None  # a place read right that no list holds: kept as read, in doubt (below)
            elif _own_name(prefix, hit[0]):
                read = normalize_tones(prefix)
                if any(_names(read, o) for o in organs):
                    hit = (read, 0.9)  # "Phổ Yên" under "UBND thị xã Phổ Yên"
                else:  # ("Hà Nột" is a misread "Hà Nội" too: no list of towns tells them apart)
                    hit = (hit[0], min(hit[1], PLACE_IN_DOUBT))
        if hit is not None and hit[1] < 0.95:
            hit = _capital_in_doubt(key, hit, organs, home)
        if hit is None:
            hit = _place_ending(prefix)
        if hit is None and home is not None and _garbled_home(prefix, home):
            hit = (home, GARBLED_HOME)
        if hit is None and ocr and not known_only:
            hit = _garbled_like_home(prefix, key, home, organs)
        if hit:
            hit = _town_in_doubt(hit, home, organs, prefix)
            res.set("place", hit[0], ln.conf * hit[1])
        elif len(prefix) <= 30 and not known_only and re.search(r"[^\W\d_]", prefix):
            # (a prefix with no letter is no place's name: a speck read as a digit before "ngày", "3", seed
            # 939 dev 003: taken as the place)
            res.set("place", normalize_tones(prefix), ln.conf * 0.6)


CAPITAL = "Hà Nội"
CAPITAL_LIKE = (
    60  # rapidfuzz ratio of a garbled place to "ha noi" for a ministry's document to be dated there
)


def _capital_in_doubt(
    key: str, hit: tuple[str, float], organs: Sequence[str], home: str | None = None, *, unread: bool = False
) -> tuple[str, float]:
    """A ministry's (or its unit's) document dates in the capital: a place read garbled (``hit`` no exact
    match) and taken for another province whose letters are as like Hà Nội's ("Hà NẠ(" under "Bộ Nông
    nghiệp …": "Hà Nam" by one letter more) is Hà Nội, in doubt (a ministry's unit may sit elsewhere). Not
    when the organs name a province of their own (``home``: "Công an tỉnh Hà Nam" under "Bộ Công an" dates in
    Hà Nam; REVIEW-26 #3). ``unread``: no word of the place was read ("„› với"): the capital, in doubt,
    however unlike its letters."""
    if home is not None and home != CAPITAL:
        return hit
    named = {k for o in organs for k in F_PROVINCES if re.search(rf"\b{re.escape(k)}$", fold(o).lower())}
    if named - {fold(CAPITAL).lower()}:
        return hit  # "Cục Hải quan Quảng Ninh" under "Bộ Tài chính": its province's, not the capital
    if hit[0] == CAPITAL or not any(fold(o).startswith("bo ") for o in organs):
        return hit
    if fuzz.ratio(key, fold(CAPITAL)) < CAPITAL_LIKE and not unread:
        return hit
    return CAPITAL, min(hit[1], GARBLED_HOME)


GARBLED_HOME = 0.55  # a place read garbled like the organ's province is it, in doubt (x the line's)
PLACE_IN_DOUBT = 0.55  # a place read as a name of its own beside a known one: which of the two, in doubt
# a town's name this many letters (folded) from the organ's province may be the province misread ("Phúc Yên"
# of "Phú Yên": 1, "Hà Tiên" of "Hà Tĩnh": 2; "Vĩnh Yên", Vĩnh Phúc's seat, is 4 from it)
HOME_MISREAD = 2
_PROVINCE_NAMES = frozenset(F_PROVINCES.values())


def _town_in_doubt(
    hit: tuple[str, float], home: str | None, organs: Sequence[str], read: str | None
) -> tuple[str, float]:
    """A known town or city (no province) read, in doubt where the reading may have made it of another name
    (review, session 17: the towns added to the list were taken at 0.95 over the organ's province): the
    organ's province ``home`` spelled near it and other ("Phúc Yên", a city of Vĩnh Phúc, on a document of
    "UBND tỉnh Phú Yên"; "Hà Tiên" under Hà Tĩnh): the province, in doubt; ``read`` (the place as read) a
    name of its own with other marks ("Tứ Sơn" of "Từ Sơn"): the town, in doubt (the read name when the
    organ's names, ``organs``, name it). The town surely when they name it ("UBND thị xã Phổ Yên")."""
    town, conf = hit
    if town in _PROVINCE_NAMES or conf < PLACE_IN_DOUBT or any(_names(town, o) for o in organs):
        return hit
    if home is not None and home != town and Levenshtein.distance(fold(town), fold(home)) <= HOME_MISREAD:
        return home, min(conf, PLACE_IN_DOUBT)
    if read is not None and _other_marks(read, town):
        named = normalize_tones(clean_value(read))
        if any(_names(named, o) for o in organs):
            return named, min(conf, 0.9)  # "Tứ Sơn" under an organ of its own ("UBND xã Tứ Sơn")
        return town, min(conf, PLACE_IN_DOUBT)
    return hit


def _other_marks(read: str, town: str) -> bool:
    """``read`` is ``town``'s letters with other marks that make a name of its own: as many words, each a
    capitalised Vietnamese syllable, one at least marked other than the town's ("Tứ Sơn" beside "Từ Sơn"; "Tu
    Son", its marks lost, is the town)."""
    from digitize.pipeline.fields.names import is_syllable

    words = normalize_tones(re.sub(r"(?i)^(thành phố|tp\.?)\s*", "", clean_value(read))).split()
    places = town.split()
    if len(words) != len(places) or fold(" ".join(words)) != fold(town):
        return False
    if not all(w[:1].isupper() and is_syllable(w) for w in words):
        return False
    return any(
        w.casefold() != p.casefold() and fold(w) != w.casefold() for w, p in zip(words, places, strict=True)
    )


def _names(read: str, organ: str) -> bool:
    """The organ's name holds the place ``read`` as whole words with its own marks ("Phổ Yên" in "UBND thị xã
    Phổ Yên"; not in "UBND thành phố Yên Bái", where its letters run across two words and "phố" is no "Phổ"),
    in any case."""
    words, name = re.findall(r"\w+", nfc(read).casefold()), re.findall(r"\w+", nfc(organ).casefold())
    return bool(words) and any(name[k : k + len(words)] == words for k in range(len(name)))


def _own_name(read: str, known: str) -> bool:
    """``read``, spelled close to the known place ``known``, is a name of its own as well: as many words, each
    a capitalised Vietnamese syllable, other letters than the known place's ("Phổ Yên" beside "Phú Yên"; "Phú
    Yêrn" is a misread, "Phú Yen" the known place without its marks)."""
    from digitize.pipeline.fields.names import is_syllable

    words = read.split()
    return (
        len(words) == len(known.split())
        and fold(read) != fold(known)
        and all(w[:1].isupper() and is_syllable(w) for w in words)
    )


def _garbled_like_home(
    read: str, key: str, home: str | None, organs: Sequence[str]
) -> tuple[str, float] | None:
    """A place read too garbled for any list (``key``, folded, under the lists' cutoff: "Quóng Nom" of
    "Quảng Nam", "à Qội" of "Hà Nội" on blurred photos) where the document dates: the organ's province
    ``home`` when read like it (``HOME_LIKE``) word for word, each word a capitalised syllable a letter from
    its own with the same first consonants (``_another_place``: a town's own name is more; a word no
    syllable, "Lạc Dươnq", is a place no list holds read nearly right); under a ministry with no province of
    its own, the capital when like it (``_capital_in_doubt``). In doubt (``GARBLED_HOME``); None otherwise."""
    from digitize.pipeline.fields.names import is_syllable

    if home is not None:
        words = read.split()
        if (
            len(words) == len(home.split())
            and all(w[:1].isupper() and is_syllable(w) for w in words)
            and fuzz.ratio(key, fold(home)) >= HOME_LIKE
            and not _another_place(read, home, lenient=True)
        ):
            return home, GARBLED_HOME
        return None
    # a place no word of which was read (no capitalised word of letters: "„› với" on a scan, the seal's or
    # a blur's marks) is no evidence against the capital either
    unread = not any(w[:1].isupper() and w.isalpha() and is_syllable(w) for w in read.split())
    capital = _capital_in_doubt(key, ("", GARBLED_HOME), organs, home, unread=unread)
    return capital if capital[0] == CAPITAL else None


def _garbled_before_ngay(text: str, home: str | None, organs: Sequence[str]) -> tuple[str, float] | None:
    """The place before "ngày" on a right-column line whose date OCR garbled ("Nà NỘI. ngày 24 thông 3 mờm
    23019" under a ministry), too garbled for the lists: as ``_garbled_home`` or ``_garbled_like_home`` read
    it, in doubt."""
    m = _NGAY.search(text)
    if m is None or m.start() == 0 or m.start() > _PLACE_SPAN:
        return None
    prefix = clean_value(text[: m.start()])
    if not prefix:
        return None
    if home is not None and _garbled_home(prefix, home):
        # ("Nonh Rènh, ngày 30 chong 5 năm 2NUO" under "UBND tỉnh Ninh Bình", seed 647 dev 011: its words no
        # syllables, read like the province)
        return home, GARBLED_HOME
    return _garbled_like_home(prefix, re.sub(r"^(thanh pho|tp\.?)\s*", "", fold(prefix)), home, organs)


def _garbled_home(read: str, home: str) -> bool:
    """``read`` is the organ's province ``home`` garbled ("Blief: Dượng" of "Bình Dương", "Kiên (lung" of
    "Kiên Giang" on a blurred photo): read like it (``HOME_LIKE``) with as many words, one of them no
    Vietnamese syllable (a place read right that no list holds, "Vĩnh Tường", is kept as read)."""
    from digitize.pipeline.fields.names import is_syllable

    words, homes = read.split(), home.split()
    if len(words) != len(homes):
        return False
    garbled = [w for w, h in zip(words, homes, strict=True) if not is_syllable(w) and w != h]
    # a word of letters alone that is no syllable may be a place's read right or nearly ("Ia Grai" under Gia
    # Lai, "Kiên Lươnq" of Kiên Lương under Kiên Giang, "Đắk Song" under Đắk Nông): garbled is a sign no word
    # has ("Blief:", "(lung") or two such words
    if not garbled or (len(garbled) < 2 and all(c.isalpha() for w in garbled for c in w)):
        return False
    return fuzz.ratio(fold(read), fold(home)) >= HOME_LIKE


def _place_ending(prefix: str) -> tuple[str, float] | None:
    """A known place read nearly letter for letter at the end of a date line's prefix that is none as a whole:
    the organ's line beside it read into it ("TH LAO ĐỘNG ì— Cần Thơ,ngày01 …" on a blurred photo). The
    longest such ending of up to four words, in doubt by the words before it. Read with its marks: the end
    of a commune's or a town's name is no known place spelled near it ("Xã Hưng Vĩnh" is no "Vinh", "Thị xã
    Bình Long" no "Vĩnh Long"), nor is a place after its level's word ("Thị xã Phú Thọ")."""
    words = prefix.split()
    for k in range(max(1, len(words) - 4), len(words)):
        if re.sub(r"[^a-z]", "", fold(words[k - 1])) in _LEVEL_WORDS:
            continue
        ending = " ".join(words[k:])
        hit = _known_place(ending)
        if hit is None or _another_place(ending, hit[0]):
            continue
        read = re.sub(r"(?i)^(thành phố|tp\.?)\s*", "", clean_value(ending)).casefold()
        if fuzz.ratio(read, hit[0].casefold()) >= 95:
            return hit[0], hit[1] * 0.9
    return None


# the words a commune, a ward, a district, a town is named after ("Thị xã Bình Long", "Phường Đồng Hới")
_LEVEL_WORDS = frozenset({"xa", "phuong", "quan", "huyen", "tran", "tx", "tt", "tp", "pho"})


def _another_place(read: str, known: str, *, lenient: bool = False, cut_ok: bool = False) -> bool:
    """``read`` names a place other than the known place it is spelled close to: as many words, each a
    capitalised Vietnamese syllable, one of them at least two letters from the known place's (marks aside).
    "Vĩnh Tường" (a district of Vĩnh Phúc) is no misread "Vĩnh Long" (it was taken so at 0.80); "Hà Nột",
    "Quảng Ngăi" are misreads of "Hà Nội", "Quảng Ngãi". A word whose first consonants are another's is
    another place's too: "Bình Long" (a town of Bình Phước) is no "Vĩnh Long", "Ninh Phước" no "Bình Phước",
    "Mai Châu" no "Lai Châu", "Đắk Song" no "Đắk Nông" (each was taken so at 0.80-0.83); so is a name whose
    every word is another, unless ``lenient`` (the organ's own province, its documents are dated in: "Đù
    Nông" under Đà Nẵng is a misread "Đà Nẵng"). ``cut_ok``: a word cut short
    ("Quảng Ni" of "Quảng Ninh") is no other place's (for the organ's province only: "Hà Ti" under Kiên Giang
    may be Hà Tiên, no Hà Tĩnh)."""
    from digitize.pipeline.fields.names import is_syllable

    words, places = read.split(), known.split()
    if len(words) != len(places):
        return False
    # a word read as the known place's counts as read right, a syllable or not ("Đắk" of "Đắk Song")
    if not all(w[:1].isupper() and (is_syllable(w) or w == p) for w, p in zip(words, places, strict=True)):
        return False
    pairs = list(zip(words, places, strict=True))
    if not lenient and len(pairs) > 1 and all(fold(w) != fold(p) for w, p in pairs):
        return True  # every word another ("Hà Đông" no "Hải Dương"; "Hỗ Nội" is a misread "Hà Nội")
    return any(
        (Levenshtein.distance(fold(w), fold(p)) >= 2 and not (cut_ok and fold(p).startswith(fold(w))))
        or _onset(w) != _onset(p)
        for w, p in pairs
    )


# first letters Tesseract reads for each other on a blurred page ("Hình Định", "Đình Đính" of "Bình Định"),
# or on a sharp bitonal one ("Tà Nội" of "Hà Nội", seed 363 alt 000: an "H" whose left stem broke), folded
# (Đ as D)
_LOOKALIKE_ONSETS = frozenset({frozenset({"b", "h"}), frozenset({"b", "d"}), frozenset({"h", "t"})})


def _onset_misread(read: str, home: str, unsure: frozenset[str] = frozenset()) -> bool:
    """``read`` is the organ's province ``home`` with one word's first letter read as its look-alike
    (``_LOOKALIKE_ONSETS``), or as any other letter where OCR doubted that word (``unsure``: the line's words
    read less surely than ``UNSURE_ONSET_CONF``, folded), and every other letter as it is: a name no list
    holds one letter from the province its documents are dated in is that province misread (a town's own
    name is more than a letter from it: "Bình Long", "Ninh Phước" are kept as read). "Tâm Đồng" (59) under
    "UBND tỉnh Lâm Đồng" (seed 487 alt 007, a bitonal scan at 200 dpi: the "L" read "T") is Lâm Đồng."""
    words, homes = [fold(w) for w in read.split()], [fold(h) for h in home.split()]
    if len(words) != len(homes):
        return False
    differ = [(w, h) for w, h in zip(words, homes, strict=True) if w != h]
    if len(differ) != 1:
        return False
    w, h = differ[0]
    pair = frozenset({w[:1], h[:1]})
    alike = pair in _LOOKALIKE_ONSETS or (w in unsure and pair in _UNSURE_ONSETS)
    return len(w) == len(h) and w[1:] == h[1:] and alike


UNSURE_ONSET_CONF = 65.0  # Tesseract's 0..100: a word of the place read less surely may have its first letter
# misread as one of its stroke-alikes (``_UNSURE_ONSETS``)
# capitals built of the same strokes, one broken or lost on a poor scan ("T" of the "L" whose foot went and
# whose stem's top smeared): folded first letters a word OCR doubted may have been read for one another. Not
# letters of other shapes: "Mai Châu" (a district of its own) is no "Lai Châu" with its "L" misread
_UNSURE_ONSETS = _LOOKALIKE_ONSETS | frozenset(
    frozenset(p) for p in ("lt", "li", "ti", "hn", "mn", "br", "pr", "bp", "cg", "ce", "dp")
)


def _unsure_words(ln: Line, read: str = "", organs: Sequence[str] = ()) -> frozenset[str]:
    """The line's words read less surely than ``UNSURE_ONSET_CONF``, folded, without their punctuation; none
    when the place ``read`` is one as read: an organ names it ("Tâm Đồng" under "UBND thị xã Tâm Đồng"), or
    a known place's name with its marks."""
    if read and (any(_names(read, o) for o in organs) or F_PLACES.get(fold(read)) == normalize_tones(read)):
        return frozenset()
    return frozenset(fold(w.text.strip(".,;:")) for w in ln.words if w.conf < UNSURE_ONSET_CONF)


def _onset(word: str) -> str:
    """A syllable's first consonants, marks aside ("Bình": "b", "Yên": "")."""
    m = re.match(r"[^aeiouy]*", fold(word))
    assert m is not None
    return m.group(0)


# a digital-signature banner ("Ký bởi: …", e-mail, "05.02.2025 15:35:18 +07:00") or an incoming-mail stamp
# ("ĐẾN", "Ngày: 21/3/18", "Chuyển: …"): their dates are not the document's. An e-mail's "@" has letters on
# both sides: a date line's written digits read "Zaxz2@" on a blurred photo are none (the line was taken for
# a banner's and the place lost with the date, seed 135 alt 007)
_BANNER = re.compile(r"\w@\w|\.gov\.vn|\bky boi\b|\d\d:\d\d(:\d\d)?|\+07|\bden\b|\bngay\s*:|\bchuyen\s*:")


def is_stamp_or_banner(line: Line) -> bool:
    """Whether ``line`` is a banner's or a stamp's (``_BANNER``). A "ngày:" that opens a whole word date
    ("Hà Nội, ngày: 25 tháng: 1 năm 2020": a pen's strokes by the printed words read as colons, seed 595 alt
    000: the date line taken for a stamp's, no date, no place) is the date line's own; a stamp writes its day
    in figures ("Ngày: 21/3/18")."""
    for m in _BANNER.finditer(line.folded):
        if not (m.group().startswith("ngay") and WORD_DATE.match(line.folded, m.start())):
            return True
        before = line.folded[: m.start()]
        if not re.search(r"[^\W\d_]", before) or re.search(r"\bso\b", before):
            return True  # a stamp's own "Ngày:" row, or after its "Số:": no place before it (review)
    return False


def date_sources(layout: Layout) -> list[Line]:
    """The header's right-column lines the date line may be: under the motto (what stands above it is a
    signature banner or a stamp), neither the motto nor a stamp's or banner's line."""
    right = list(layout.right)
    if layout.motto_i is not None and layout.first[layout.motto_i].boxed:
        top = layout.first[layout.motto_i].y0
        right = [ln for ln in right if not ln.boxed or ln.y0 > top]
    return [ln for ln in right if not is_motto(ln) and not is_stamp_or_banner(ln)]


def read_place_date(
    layout: Layout,
    has_header: bool,
    organs: Sequence[str] = (),
    *,
    ocr: bool = False,
    today: dt.date | None = None,
) -> Found:
    """place and issued_date: the right column, else the header, else the first date of page 1's body;
    ``organs``: the issuing organ's and its parent's names (the province they name); ``ocr``: the page was
    read by OCR (``set_place``); ``today``: the day it is read (no document's year after it)."""
    res = Builder()
    right = date_sources(layout) if has_header else []
    header = list(layout.header) if has_header else []
    body_lines = _uncited(layout.first[:25]) if has_header else []
    sources = right + [ln for ln in header + body_lines if not is_stamp_or_banner(ln)]
    n_header = len(sources) - len(body_lines)
    ends = (len(right), n_header)
    _scan(res, sources, ends, _province_of(organs), organs, ocr=ocr, today=today or dt.date.today())
    return res.freeze()


# (0..1) at most this sure is an issue date whose day or month, read as none of the calendar's, is taken from
# the validity's end one digit away (``dated_by_validity``)
VALIDITY_DATED_CONF = 0.5


# the act's term stated in whole years (folded): "thời hạn 05 năm", "có giá trị 05 năm kể từ ngày ký",
# "có hiệu lực 5 năm" (its number of years, never a date's "năm 2029")
_TERM_YEARS = re.compile(
    r"(?:\bthoi han|\bco gia tri|\bco hieu luc)(?:\s+(?:la|su dung|cua giay phep|trong|thi hanh))*\s*:?\s*"
    r"(\d{1,2})\s*(?:\(\s*[a-z ]+\s*\)\s*)?nam\b(?![\s.,:]*\d)"
)


def term_years(lines: Sequence[Line]) -> set[int]:
    """The whole years the page states the act runs ("thời hạn 05 năm": {5}); none when it states no term."""
    text = " ".join(ln.folded for ln in lines)
    return {int(m.group(1)) for m in _TERM_YEARS.finditer(text) if int(m.group(1)) > 0}


def dated_by_validity(
    layout: Layout, has_header: bool, until: ExtractedField | None, lines: Sequence[Line] = ()
) -> Found:
    """The issue date of a header date line read digit for digit as no day ("ngày 14 tháng 17 năm 2024": the
    pen's "11" read "17", k897 alt 005: no issue date, so no valid_from either) where the act's validity ends
    on a day and month one digit from those read; or whose day was read as letters ("ngày. LŨ tháng 12 năm
    2019": the pen's "10", w661 dev 005), the validity ending in the month read. Only where the page
    (``lines``, else page 1's) states the term in whole years ("thời hạn 05 năm") and the end falls exactly
    that many years after the year read: then the act runs from the end's day and month. A term of 6 months,
    of 5 years less a day, or to 31/12 ends on another day than the signing's, so no term stated, no date; in
    doubt all the same (``VALIDITY_DATED_CONF``: "5 years" may still end the day before)."""
    if not has_header or until is None or not until.value:
        return Found()
    end = dt.date.fromisoformat(until.value)
    terms = term_years(lines or layout.first)
    if not terms:
        return Found()
    for ln in date_sources(layout) + list(layout.header):
        if find_dates(ln.folded):
            return Found()  # the date line gives a day: nothing to repair
        read = [(y, one_digit_from((d, m), end)) for _, _, d, m, y in uncalendared_dates(ln.folded)]
        read += [(y, m == end.month) for _, _, m, y in day_unread_dates(ln.folded)]
        for year, fits in read:
            if end.year - year in terms and fits:
                try:
                    issued = end.replace(year=year)
                except ValueError:
                    continue  # 29 February
                conf = min(VALIDITY_DATED_CONF, ln.conf, until.confidence)
                return Found((ExtractedField("issued_date", issued.isoformat(), conf),))
    return Found()


# the year between a header number and its notation ("Số: 12/2019/QĐ-UBND", folded)
_NOTATION_YEAR = re.compile(r"^\W*s\S{0,2}\s*:?\s*\d{1,6}\s*/\s*((?:19|20)\d\d)\s*/\s*[a-z]")


def _notation_year(lines: Sequence[Line]) -> int | None:
    """The year the header's number line gives between its number and its notation, if any."""
    for ln in lines:
        m = _NOTATION_YEAR.match(ln.folded)
        if m is not None:
            return int(m.group(1))
    return None


# a cited act's clause runs on to at most this many lines after its "Căn cứ" line
MAX_CITE_LINES = 3
# ... each of them going on with the clause: led by a lower-case word, a digit (the year: "2015; Luật …"), or
# an act's or an organ's name ("Luật Tổ chức …", "Ủy ban nhân dân …"); a capital otherwise starts a sentence
# of its own ("Hôm nay, ngày 10 tháng 5 năm 2021, …")
_CITE_GOES_ON = re.compile(
    r"^\W*(?:bo luat|luat|nghi dinh|nghi quyet|thong tu|quyet dinh|cong van|chi thi|phap lenh|hien phap"
    r"|van ban|chinh phu|quoc hoi|uy ban|ubnd|hoi dong|thu tuong|bo truong|bo|so|cuc)\b"
)


def _cite_goes_on(ln: Line) -> bool:
    """Whether a line after a "Căn cứ" clause not yet ended goes on with it (``_CITE_GOES_ON``): a date line
    with its place before it ("Hà Nội, ngày …"), "Hôm nay, …" or "Ngày …" never does."""
    first = next((ch for ch in ln.text if ch.isalnum()), "")
    if not first:
        return False
    # (an act's name before its date, "Luật … ngày 22 tháng 11 năm 2019;", is no place's)
    return not first.isupper() or bool(_CITE_GOES_ON.match(ln.folded))


def _uncited(lines: Sequence[Line]) -> list[Line]:
    """``lines`` without those citing another act: a "Căn cứ …" line and the lines its clause runs on to
    (``MAX_CITE_LINES`` at most, each going on with it: ``_cite_goes_on``), up to the one that ends it (";" or
    "."): "Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;" is the cited law's date, never the
    document's; "Hôm nay, ngày 10 tháng 5 năm 2021, …" after a clause read without its ";" is none of it."""
    out: list[Line] = []
    left = 0  # the lines the clause may still run on to
    for ln in lines:
        if CITES.search(ln.folded):
            citing = True
            left = MAX_CITE_LINES
        else:
            citing = left > 0 and _cite_goes_on(ln)
            left = left - 1 if citing else 0
        if not citing:
            out.append(ln)
        elif ln.text.rstrip().endswith((";", ".")):
            left = 0
    return out


# a date word as OCR may misread it on a blurred page ("ngôy", "máng", "sắm"; "ngãi", its "y" an "i", on a
# dark photo): two of its letters in place; the digit written after it may run into it ("Hải Phòng
# ngày2Ïtháng Ở năm 2019", seed 261 blur alt 004: the place was lost)
_DATE_WORD = re.compile(r"\b(?:ng\w{1,2}y|ng[aàáảãạ]i|\w?h?[aá]ng|th\w{1,2}g|[nsm][aăắ]m)(?:\b|(?=\d))", re.I)
PLACE_ONLY_CUTOFF = 88  # a known place's name read nearly letter for letter


def place_before_date_words(line: Line, others: Sequence[Line]) -> tuple[str, float] | None:
    """The place of a header date line whose date OCR garbled ("Phú Thọ, ngày 07 tháng 01 sắm 2621", "Hà
    Giang ngày 7 máng … 2022 năm"), also when the line was split on its row ("Khánh Hòa." with "tháng Í
    2năm 2020" beside it, one of ``others``): a known place's name read nearly letter for letter, then a date
    word. None otherwise."""
    for m in _DATE_WORD.finditer(line.text):  # "Hà Nam, ngày": the place's own "Nam" is no date word
        if m.start() > _PLACE_SPAN:
            # a text this long is no place's name read at >= PLACE_ONLY_CUTOFF, whatever marks a reading put
            # before it (a bounded look: a crafted line of thousands of date words is not folded prefix by
            # prefix)
            break
        hit = _known_place(line.text[: m.start()])
        if hit is not None:
            return hit
    hit = _known_place(line.text)
    if hit is None:
        return None
    beside = (
        o for o in others if o is not line and o.x0 >= line.x1 and line.y0 < (o.y0 + o.y1) / 2 < line.y1
    )
    return hit if any(_DATE_WORD.search(o.text) for o in beside) else None


_FIRST_NUMBER = re.compile(r"(?:^|\s)\W*\d")


def place_before_day(line: Line) -> tuple[str, float] | None:
    """The place of a header date line read without its date words, a year ending it ("Hà Nội 21 Ố nšn
    2016" of "Hà Nội, ngày 21 tháng 6 năm 2016" with its day and month written by hand on a blurred photo,
    seed 483 alt 007: "ngày" and "tháng" lost in the pen's strokes): a known place's name read nearly letter
    for letter before its first number (the day). None otherwise."""
    if not _YEAR_END.search(line.text):
        return None
    m = _FIRST_NUMBER.search(line.text)
    if m is None or m.start() > _PLACE_SPAN:
        return None
    return _known_place(line.text[: m.start()])


_BEFORE_COMMA = re.compile(r"^([^,\d]{3,40}),")
# ... its comma read as a stop, a blank after it ("Hà Giang. sgày Í dáng “Ể năm X2" of a bitonal "Hà Giang,
# ngày 17 tháng 4 năm 2022" with a written day and month, k931 alt 010: the place lost); tried only where no
# comma gives a place ("TP. Hồ Chí Minh, ngày …": "TP" is no place)
_BEFORE_STOP = re.compile(r"^([^,.\d]{3,40})\.(?=\s)")
PLACE_BEFORE_COMMA = 0.55  # the place of a date line its date words all garbled: in doubt (x the line's)


def place_before_comma(line: Line) -> tuple[str, float] | None:
    """The place of the right column's first line under the motto (the date line by Decree 30's layout) whose
    date OCR garbled whole, no date word nor year left ("Hà Nội, sơ Láng Z dung" of a blurred "Hà Nội, ngày
    31 tháng 5 năm 2019", seed 571 dev 013: no place): a known place's name read nearly letter for letter
    before the line's first comma (or a stop read for it: ``_BEFORE_STOP``), as the date line's place
    stands. In doubt (``PLACE_BEFORE_COMMA``): that the line is the date line is the layout's word alone.
    None otherwise."""
    hit = None
    for before in (_BEFORE_COMMA, _BEFORE_STOP):
        m = before.match(line.text)
        hit = _known_place(m.group(1)) if m is not None else None
        if hit is not None:
            break
    return None if hit is None else (hit[0], min(hit[1], PLACE_BEFORE_COMMA))


# the longest text a known place may be read as at PLACE_ONLY_CUTOFF (ratio 2m/(a+b): a <= b(200/c - 1)),
# with "Thành phố " before it
# and room for marks a reading puts before it (specks, a stamp's letters) that ``clean_value`` drops
_PLACE_SPAN = 4 * (int(max(map(len, F_PLACES)) * (200 / PLACE_ONLY_CUTOFF - 1)) + len("thành phố ") + 2)


def _known_place(text: str) -> tuple[str, float] | None:
    key = re.sub(r"^(thanh pho|tp\.?)\s*", "", fold(clean_value(text)))
    return match(key, F_PLACES, PLACE_ONLY_CUTOFF) if len(key) >= 3 else None


def _scan(
    res: Builder,
    date_sources: Sequence[Line],
    ends: tuple[int, int],
    home: str | None,
    organs: Sequence[str] = (),
    *,
    ocr: bool = False,
    today: dt.date,
) -> None:
    """``ends``: how many of ``date_sources`` are the right column's lines, and how many the header's."""
    n_right, n_header = ends
    # the header's date line whose year a digit misread into one no document holds ("năm 3019" of a blurred
    # "2019"): its line and the one year a digit read otherwise gives, taken (in doubt) only when no other
    # line gives a date
    misread: tuple[Line, list[tuple[int, int, dt.date]]] | None = None
    year = _notation_year(date_sources[:n_header])
    comma_place: tuple[Line, tuple[str, float]] | None = None  # ``place_before_comma``'s
    # the right column's first line under the motto's two (the date line by the layout)
    first_i = next((i for i, ln in enumerate(date_sources[:n_right]) if not is_motto2(ln)), None)
    for k, ln in enumerate(date_sources):
        found = find_dates(ln.folded)
        if (
            not found
            and k < n_header
            and misread is None
            and (guessed := misread_year_dates(ln.folded, today, year))
        ):
            misread = (ln, guessed)
        if not found and k < n_header and (extra := extra_digit_dates(ln.folded)):
            # the header's date line, its year read with a digit too many: the one year it leaves, in doubt
            start, end, day = extra[0]
            res.set("issued_date", day.isoformat(), min(EXTRA_DIGIT_CONF, date_conf(ln, start, end)))
            set_place(res, ln, ln.text[:start], home, organs=organs, ocr=ocr)
            break
        if not found and k < n_header and (short := year_digit_lost_dates(ln.folded, today)):
            # the header's date line, its year read a digit short ("san 022" of "năm 2022"): in doubt
            start, end, day = short[0]
            res.set("issued_date", day.isoformat(), min(EXTRA_DIGIT_CONF, date_conf(ln, start, end)))
            set_place(res, ln, ln.text[:start], home, organs=organs, ocr=ocr)
            break
        if not found and k < n_header and (glued := glued_digit_dates(ln.folded)):
            # the header's date line, a digit glued before "tháng" after its two-digit day ("ngày 12 2tháng"):
            # which digits the day holds is a guess, in doubt
            start, end, day = glued[0]
            res.set("issued_date", day.isoformat(), min(LETTER_DIGIT_CONF, date_conf(ln, start, end)))
            set_place(res, ln, ln.text[:start], home, organs=organs, ocr=ocr)
            break
        if not found and k < n_header and (lost := year_word_lost_dates(ln.folded)):
            # the header's date line, its "năm" read as another word ("ngủy 31 thông 12 số 2020"): in doubt
            start, end, day = lost[0]
            res.set("issued_date", day.isoformat(), min(YEAR_WORD_LOST_CONF, date_conf(ln, start, end)))
            set_place(res, ln, ln.text[:start], home, organs=organs, ocr=ocr)
            break
        if not found:
            at = place_date_start(ln.text) if k < n_header else None
            if at is not None:
                set_place(res, ln, ln.text[:at], home, organs=organs, ocr=ocr)
                break
            # (the right column's: an organ's line "THÀNH PHỐ HÀ NỘI" is no date line's place)
            place = place_before_date_words(ln, date_sources[:n_right]) if k < n_right else None
            if place is None and k < n_right:
                place = place_before_day(ln)
            if place is None and ocr and k < n_right:
                place = _garbled_before_ngay(ln.text, home, organs)
            if place is not None:
                # the header's date line, its date unreadable: the place taken, no date guessed
                place = _town_in_doubt(place, home, organs, None)
                res.set("place", place[0], ln.conf * place[1])
                break
            if k < n_right and home is not None and _YEAR_END.search(ln.text):
                # a right-column line ending in a year, its words garbled ("Btnh Đhnề:, mgềy 22 dhững 9 mm
                # 2022"): the date line; its place read like the organ's province is that province
                prefix = clean_value(re.split(r"[,:;]", ln.text, maxsplit=1)[0])
                if fuzz.ratio(fold(prefix), fold(home)) >= HOME_LIKE:
                    res.set("place", home, ln.conf * 0.7)
                    break
            if ocr and k == first_i and (by_comma := place_before_comma(ln)):
                if _YEAR_END.search(ln.text):
                    # a year ends it: the date line, its date garbled; the scan stops there (a body's date
                    # under it is no date of the document's: REVIEW numbers54 HIGH)
                    town, conf = _town_in_doubt(by_comma, home, organs, None)
                    res.set("place", town, ln.conf * conf)
                    break
                # the first date line's place alone, no other line read yet: the scan goes on for a date
                # (its place then the one taken), this place kept for when none is
                comma_place = (ln, by_comma)
            continue
        start, end, day = found[0]
        res.set("issued_date", day.isoformat(), date_conf(ln, start, end))
        set_place(res, ln, ln.text[:start], home, known_only=k >= n_header, organs=organs, ocr=ocr)
        if "place" not in res.fields and k < n_right:
            # the date line read twice, once with no place before its date (a speck for it: seed 939 dev 003's
            # "3 ngày 28 tháng 7 năm 2019" over "Lào Cai, ngày 28 …"): the place of the right column's other
            # reading of the same date
            again = next((o for o in date_sources[k + 1 : n_right] if _dated(o, day)), None)
            if again is not None:
                set_place(
                    res, again, again.text[: find_dates(again.folded)[0][0]], home, organs=organs, ocr=ocr
                )
        break
    if misread is not None and "issued_date" not in res.fields:
        # no line gave a date: the misread year's, in doubt (its place, when none was taken)
        ln, ((start, end, day), *_) = misread
        res.set("issued_date", day.isoformat(), min(EXTRA_DIGIT_CONF, date_conf(ln, start, end)))
        set_place(res, ln, ln.text[:start], home, organs=organs, ocr=ocr)
    if comma_place is not None and "place" not in res.fields:
        ln, (town, conf) = comma_place
        town, conf = _town_in_doubt((town, conf), home, organs, None)
        res.set("place", town, ln.conf * conf)


def _dated(ln: Line, day: dt.date) -> bool:
    """Whether the first date ``ln`` reads is ``day``."""
    found = find_dates(ln.folded)
    return bool(found) and found[0][2] == day


def date_conf(ln: Line, start: int, end: int) -> float:
    """The confidence of a date found at ``start``..``end`` of ``ln``'s text: the line's, no more than its
    least sure word with a digit there (a day written by hand and read on weak evidence, at 50, among
    printed words read at 90 leaves the date in doubt, not sure by the line's mean)."""
    confs, at = [], 0
    printed = []  # the confidences of the printed date words ("ngày", "tháng", "năm") in the date
    for w in ln.words:  # (the line's text is its words' NFC, one space apart)
        n = len(nfc(w.text))
        if at < end and at + n > start and re.sub(r"[^a-z0-9]", "", fold(w.text).lower()) in _DATE_WORDS:
            printed.append(w.conf)
        if at < end and at + n > start and any(ch.isdigit() for ch in w.text):
            confs.append(w.conf / 100.0)
            runs = re.findall(r"[a-z]+", fold(w.text).lower())
            if runs and not all(r in _DATE_WORDS for r in runs):  # "tháng9năm" is two clean words
                # digits glued to a date word read wrong ("29uáng" of a written "29" run into "tháng", seed
                # 465 dev 007): where the pen's digits end and what they are is told by no clean word
                confs.append(LETTER_DIGIT_CONF)
        at += n + 1
    if read_as_letters(ln.folded[start:end]):
        confs.append(LETTER_DIGIT_CONF)
    if len(printed) >= 2 and max(printed) < POOR_DATE_WORDS:
        # every printed date word read poorly (an italic date line on a poor scan: "ngày" at 55, "tháng" at
        # 62, "năm" at 48): its printed year, in the same type, is read no better whatever Tesseract says (an
        # italic "2018" read "2014" at 95, seed 467 alt 008): the date to review
        confs.append(LETTER_DIGIT_CONF)
    return min([ln.conf, *confs])


# the printed date words all read less sure than this (Tesseract's 0..100) leave the date's year in doubt
# (they read at 90-97 on a clean scan, 75-96 on most photos)
POOR_DATE_WORDS = 65.0


YEAR_WORD_LOST_CONF = 0.55  # a date line's "năm" read as another word (``year_word_lost_dates``)
EXTRA_DIGIT_CONF = 0.5  # a year read with a digit too many, the one left out chosen (``extra_digit_dates``)
LETTER_DIGIT_CONF = 0.55  # a date with a letter read for one of its digits ("tháng Ï"): to review
_DATE_WORDS = frozenset(
    {"ngay", "thang", "nam"}
)  # (folded) the printed words a date's digits may be glued to


_YEAR_END = re.compile(r"\b(?:19|20)\d\d\W*$")
HOME_LIKE = 60  # how like the organ's province (fuzz.ratio of the folded names) a misread place must read


# --- the same province named twice on a page: the header's committee and the date line's place -------------
# a spelling the corpus shows this many times as often as the other (and at least once) is the printed one
SPELLING_RIVAL_RATIO = 5
_LEVEL_NAME = re.compile(r"^(.*\b(?:tỉnh|thành phố|TỈNH|THÀNH PHỐ)\s+)(\S.*)$")


def _corpus_count(name: str) -> int:
    """How often the corpus shows ``name``'s words side by side (its rarest pair); a one-word name's count."""
    from digitize.pipeline.correct import load
    from digitize.pipeline.syllable import key

    model = load()
    found = [model.index.get(key(w)) for w in nfc(name).lower().split()]
    ids = [i for i in found if i is not None]
    if len(ids) != len(found) or not ids:
        return 0
    if len(ids) == 1:
        return int(model.uni[ids[0]])
    return min(model.bigrams.get(a * model.size + b, 0) for a, b in itertools.pairwise(ids))


def _spelled(name: str) -> bool:
    """The place list holds ``name`` so spelled."""
    return F_PLACES.get(fold(name)) == name


def place_agreed(place_date: Found, organ: Found) -> tuple[Found, Found]:
    """The date line's place and the province the parent committee's (or the organ's) name ends with, when
    their letters are the same and their marks are not ("Kiện Phong" dated under "UBND tỉnh Kiến Phong", seed
    865 corp 003: one province printed twice, one of them misread): the spelling the place list holds, else
    the one the corpus shows and the other never or far less (a former province no list has: the Official
    Gazette names "Kiến Phong" and never "Kiện Phong"), is taken for both; the one changed goes in doubt.
    Neither told apart: both as read (OCR's confidence of a misread mark is no guide: "Kiện" was read at 84,
    "KIẾN" at 76)."""
    place = place_date.get("place")
    if place is None or place.value is None:
        return place_date, organ
    for name in ("parent_organ", "organ_name"):
        f = organ.get(name)
        m = _LEVEL_NAME.match(f.value) if f is not None and f.value is not None else None
        if f is None or m is None or fold(m.group(2)) != fold(place.value) or m.group(2) == place.value:
            continue
        head, theirs = m.group(2), place.value
        listed = (_spelled(head), _spelled(theirs))
        if listed[0] != listed[1]:
            win_header = listed[0] > listed[1]
        else:
            n_head, n_place = _corpus_count(head), _corpus_count(theirs)
            low, high = sorted((n_head, n_place))
            if high == 0 or high < SPELLING_RIVAL_RATIO * low:
                return place_date, organ
            win_header = n_head > n_place
        if win_header:
            fixed = ExtractedField("place", head, round(min(place.confidence, PLACE_IN_DOUBT), 3))
            return Found(tuple(fixed if x is place else x for x in place_date.fields)), organ
        value = m.group(1) + theirs
        fixed = ExtractedField(name, value, round(min(f.confidence, PLACE_IN_DOUBT), 3))
        return place_date, Found(tuple(fixed if x is f else x for x in organ.fields))
    return place_date, organ


# (0..1) at most this sure is an issue date after the day it is read whose year is made the one the header's
# date line prints (``year_as_printed``): which digit was misread is a guess
PRINTED_YEAR_CONF = 0.5


def year_as_printed(issued: ExtractedField | None, layout: Layout, has_header: bool, today: dt.date) -> Found:
    """An issue date after ``today`` (its day and month from the annex's citation, the header's written by
    hand and unread: "2033" of the annex's "2023", k921 dev 005) with the year the header's date line prints
    ("… năm 2023"), where that year is one digit from the one taken and not after ``today``: no document is
    issued after the day it is read; in doubt (``PRINTED_YEAR_CONF``). Nothing otherwise (no year printed
    there, or two that fit)."""
    if not has_header or issued is None or not issued.value:
        return Found()
    try:
        day = dt.date.fromisoformat(issued.value)
    except ValueError:
        return Found()
    if day <= today:
        return Found()
    printed = {int(m.group(0)[-4:]) for ln in date_sources(layout) for m in _NAM_YEAR.finditer(ln.folded)}
    fits = [y for y in printed if y <= today.year and _one_digit_apart(y, day.year)]
    if len(fits) != 1:
        return Found()
    try:
        mended = day.replace(year=fits[0])
    except ValueError:
        return Found()  # 29 February
    conf = min(issued.confidence, PRINTED_YEAR_CONF)
    return Found((ExtractedField("issued_date", mended.isoformat(), conf),))


def _one_digit_apart(a: int, b: int) -> bool:
    return sum(x != y for x, y in zip(str(a), str(b), strict=True)) == 1
