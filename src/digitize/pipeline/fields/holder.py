"""The holder: who the result was issued to (holder_name) and their tax code or citizen ID (holder_id)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from digitize.pipeline import correct
from digitize.pipeline.confidence import DOUBTFUL
from digitize.pipeline.fields.ids import best_tax_window, cccd_valid, tax_code_valid
from digitize.pipeline.fields.lines import GUESSED_WORDS_CONF, Line, model_guessed, other_marks_likelier
from digitize.pipeline.fields.names import (
    SURE_WORD_CONF,
    is_syllable,
    stroke_restored,
    two_guessed,
    well_formed,
)
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.signer import family_read, tone_misread
from digitize.pipeline.fields.text import DIGITISH, clean_value, fold1, normalize_tones
from digitize.pipeline.fields.vocab import F_SYLLABLES, F_TYPES, NAME_SYLLABLES, SURNAMES
from digitize.pipeline.model import ExtractedField, Word
from digitize.pipeline.syllable import key
from digitize.text import fold, nfc

# a labelled holder line, a list mark or a speck before it ("'Tên tổ chức: …")
# ("ng/Bà-": "Ông/Bà:" with its capital "Ô" lost to a photo's blur and its colon read as a dash)
_HOLDER_LABEL = re.compile(
    r"^\s*(?:[-+•*'\"`‘’.,]\s*)?"
    r"(?:\w{1,2}\s+(?=ten\s|ho\s+(?:va\s+)?ten\b))?"
    r"(ten to chuc|ten co so|ten doanh nghiep|ten don vi|co so|cap cho|o?ng\s*/\s*ba|ong|ba|"
    r"ho va ten|ho ten|to chuc|chu dau tu|chu so huu|nguoi duoc cap|don vi|doanh nghiep|chung nhan)"
    r"\s*(?:[:;]|([-–—.])(?=\s))\s*(\S.*)$"
)
# labels of several words whose colon a blurred photo may read as a dash or a stop ("Tên tổ chức- Công ty
# …", "Ông/Bà- Dương …"; with a speck of one or two letters before them: "H Tên tổ chức: …"); a one-word
# label, "Ông", "Bà", "Đơn vị", has its colon: "Bà Rịa - Vũng Tàu" is no holder
_DASH_LABEL = re.compile(r"ten .+|o?ng\s*/\s*ba|ho va ten|ho ten|nguoi duoc cap|co so")
# an "o" as a blurred photo may read it in a label ("Cø sở:"): read as the "o" (one letter for one: the folded
# line's offsets stay the line's)
_SLASHED_O = str.maketrans("øØ", "oo")


def holder_label(folded: str) -> re.Match[str] | None:
    """The holder's label at the start of a folded line (``_HOLDER_LABEL``): group 1 the label, group 3
    where the value starts."""
    m = _HOLDER_LABEL.match(folded.translate(_SLASHED_O))
    if m is None or (m.group(2) and not _DASH_LABEL.fullmatch(m.group(1))):
        return None
    return m


# labels that announce a person, not an organisation ("ong ba": ``_bare_person_label``)
_PERSON_LABEL = re.compile(r"o?ng\s*/?\s*ba|ong|ba|ho va ten|ho ten|nguoi duoc cap")
# "Ông Bà Võ Văn Tất Thư": the label "Ông/Bà:" with its slash and colon lost (a blurred photo), the person's
# name right after it (group 3, as ``holder_label``'s)
_BARE_PERSON_LABEL = re.compile(r"^\s*(?:['\"`‘’.,]\s*)?(ong\s+ba)()\s+(\S.*)$")
BARE_LABEL_CONF = 0.55  # a holder's name after a label read without its slash and colon: to review


def _bare_person_label(ln: Line) -> re.Match[str] | None:
    """``_BARE_PERSON_LABEL`` at the start of the line, only before a person's name as printed and nothing
    else: three to five capitalised syllables, the first a listed family name ("Ông Bà Võ Văn Tất Thư"; not
    "ông bà tổ tiên", nor "Ông Bà Rịa" run on into a sentence). Not two words: a place's or a street's name
    is a family name and one syllable as often ("Ông Bà Hà Nội", "Ông Bà Lê Lợi"), a name without its label
    too weak a sign; nor a list's item ("- Ông Bà Nguyễn Văn An;" in Nơi nhận: a bullet before it, a ";"
    after it). None otherwise."""
    m = _BARE_PERSON_LABEL.match(ln.folded)
    if m is None or ln.text.rstrip().endswith(";"):
        return None
    words = [w.strip(".,;") for w in ln.text[m.start(3) :].split()]
    if not 3 <= len(words) <= 5 or nfc(words[0]) not in SURNAMES:
        return None
    if not all(w[:1].isupper() and w[1:].islower() and is_syllable(w) for w in words):
        return None
    return m


FOR_HOLDER = re.compile(
    r"\bcho\s+((?:cong ty|benh vien|trung tam|hop tac xa|truong|phong kham|chi nhanh|ong|ba|doanh nghiep|"
    r"ho kinh doanh|co so)\b.*)$"
)
# (the label "Mã số doanh nghiệp/Mã số thuế" read right up to its "/", the rest garbled: "Mã số thuố" on a
# blurred photo, seed 185 dev 006; the label alone garbled, "Mũ số thuế", "Mã số thuổ": its code is taken
# only when its check digit holds, ``_GARBLED_TAX``)
_ID = re.compile(
    r"(ma s[o0ðø6]? thue|ma so doanh nghiep(?:\s*/\s*m[a-z]?a s\w?\s*th\w{1,3})?|\bmst|so can cuoc cong dan|"
    r"can cuoc cong dan|so cccd|\bcccd|so dinh danh ca nhan|so dinh danh|cmnd|chung minh nhan dan|"
    r"\bm(?:[a-z]|[a-z]a) [sx][a-z0ðø6]{0,2} t[hu](?!ua\b)(?:u[a-z]|[a-z]e)\b)"
    r"\s*(?:so)?\s*[:.\-]?\s*"
    r"([0-9oOlI][0-9oOlI .\-]{8,18}[0-9oOlI])"
)

# a tax code's label as a blurred photo reads it, one letter off in each word ("Mũ số thuế", "Mã sð thuế",
# "Mã số thuổ"), not as printed
# (one letter off "thuế" only: "Mã số thẻ" (a card's number), "Mã số thửa" (a land parcel's) are no tax code's
# labels, REVIEW-25 #3); a code under such a label, its check digit holding, still to review
# ("Mã xố thuế": its "s" read "x")
# ... or with a letter read into its "mã" ("Mnã số thuế", "Máã": a speck or the mark read as one, k897 dev
# 000, w657 alt 006: no holder_id), never another word ("một số thuế": its "mã" is no "mot")
# ... or its "h" read as a "ư" ("mã số tưuế: 6595820695", k931 dev 007: no holder_id)
_GARBLED_TAX = re.compile(
    r"(?!ma so thue$)m(?:[a-z]|[a-z]a) [sx][a-z0ðø6]{0,2} t[hu](?!ua$)(?:u[a-z]|[a-z]e)"
)
GARBLED_TAX_CONF = 0.59
_TAX_SHAPE = re.compile(r"\d{10}(?:-\d{3})?")  # a tax code's shape: 10 digits, or 10-3 for a dependent unit


def _clean_id(raw: str, label: str = "") -> tuple[str, float] | None:
    """The identifier's digits in their lawful length, and how far they check (1.0, else 0.7): a tax code
    (mã số thuế / doanh nghiệp) has 10 digits with a check digit, or 10-3 for a branch; a citizen identity
    number (CCCD, định danh) 12 led by a province code; an old identity card (CMND) 9 or 12. Stray digits
    read beside a tax code (a speck, the next column: "114543029355") are dropped: the 10-digit window whose
    check digit holds, else the first ten."""
    s = raw.translate(DIGITISH)
    m = re.match(r"^(\d[\d .]*\d)(?:\s*-\s*(\d{3}))?", s)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    tax = label.startswith(("ma so", "mst"))
    person = any(k in label for k in ("can cuoc", "cccd", "dinh danh"))
    if m.group(2) and len(digits) == 10:
        return f"{digits}-{m.group(2)}", _checks(digits, tax=True)
    if len(digits) == 13 and not person:
        return f"{digits[:10]}-{digits[10:]}", _checks(digits[:10], tax=True)
    if tax and len(digits) in (11, 12):
        window, ok = best_tax_window(digits)
        return window, 1.0 if ok else 0.7
    if person and len(digits) == 13:  # a stray digit beside a citizen ID: the window led by a province code
        cid = next((w for w in (digits[:12], digits[1:]) if cccd_valid(w)), None)
        return (cid, 0.9) if cid else None
    if person and len(digits) != 12:
        return None
    if len(digits) in (9, 10, 12):
        return digits, _checks(digits, tax=tax or len(digits) == 10)
    return None


def _checks(digits: str, *, tax: bool) -> float:
    if len(digits) == 10 and tax:
        return 1.0 if tax_code_valid(digits) else 0.7
    if len(digits) == 12:
        return 1.0 if cccd_valid(digits) else 0.7
    return 1.0


# "TNHH" as a blurred photo gives it: a letter doubled, "N" read as "H" or "M", "H" as "N" ("THHH", "TNNH"),
# its last "H" as "I" ("TNHI")
_TNHH = r"t+(?:nh+|nhi|[hm]hh+|nnh+)"
_COMPANY_FORMS = (
    (re.compile(rf"\bcong\s*ty\s+{_TNHH}\s+mtv\b"), "Công ty TNHH MTV"),
    (re.compile(rf"\bcong\s*ty\s+{_TNHH}\b"), "Công ty TNHH"),
    # (its "ổ" read as another vowel: "Công ty Cá phần" on a blurred photo, seed 449 alt 000; no company's
    # form is a "cá", "cu" or "ca" "phần")
    (re.compile(r"\bcong\s*ty\s+c[o0au]\s*phan\b"), "Công ty Cổ phần"),
    (re.compile(r"\bcong\s*ty\s+cp\b"), "Công ty CP"),
)


# "Được phẩm", "Được liệu" in a company's name: its "Dược" (pharmacy) with the bar of "đ" misread (Tesseract's
# model favours the commoner word: "Công ty TNHH Được phẩm Hoàng Long" at 95, seed 381 dev 013); the verb
# "được" goes with neither word ("Được" alone may be a person's name in one: kept)
_DUOC = re.compile(r"(?<=\s)([Đđ])(ược|ƯỢC)(?=\s+(?:phẩm|liệu|Phẩm|Liệu|PHẨM|LIỆU)\b)")


# a company's name: "Công ty" in it
_COMPANY = re.compile(r"\bcong\s*ty\b")


# a mark glued before a word after a space ("'TNHH"), and one glued after a word before a space or the end
# ("MTV' Du lịch": a blurred photo): specks, unless the two pair up as a quoted phrase ("thi đua "Xanh hóa"
# trên": the print's quotes)
_OPENING_SPECK = re.compile(r"(?<=\s)['‘’`\"](?=\w)")
_CLOSING_MARK = re.compile(r"(?<=\w)['‘’`\"](?=[\s,.;:)]|$)")
_CLOSING_SPECK = re.compile(r"(?<=\w)['‘’`](?=\s|$)")  # (a double quote after a word: not taken off)


def _specks_dropped(text: str) -> str:
    """``text`` without the specks read as marks glued to a word (``_OPENING_SPECK``, ``_CLOSING_SPECK``): a
    mark before a word whose closing mark follows it (``_CLOSING_MARK``, the first after it not yet paired)
    and that one are a quoted phrase's, kept."""
    closes = list(_CLOSING_MARK.finditer(text))
    kept: set[int] = set()
    drop: set[int] = set()
    for m in _OPENING_SPECK.finditer(text):
        pair = next((c for c in closes if c.start() > m.start() and c.start() not in kept), None)
        if pair is None:
            drop.add(m.start())
        else:
            kept.add(pair.start())
    drop |= {m.start() for m in _CLOSING_SPECK.finditer(text) if m.start() not in kept}
    return "".join(ch for k, ch in enumerate(text) if k not in drop)


# a speck read as a stop or a comma between a word's capital and its small letters ("L.ữ hành" of "Lữ hành")
_SPLIT_CAPITAL = re.compile(r"(?<!\S)([^\W\d_])[.,·'`](?=([^\W\d_]+)(?!\S))")


def _capital_specks_dropped(text: str) -> str:
    """``text`` with a speck between a word's capital and its small letters taken out where the letters
    together are a Vietnamese syllable ("L.ữ" → "Lữ"); an initial before a word ("T.Hà") is kept."""

    def join(m: re.Match[str]) -> str:
        word = m[1] + m[2]
        ok = m[1].isupper() and m[2].islower() and is_syllable(word)
        return m[1] if ok else m[0]

    return _SPLIT_CAPITAL.sub(join, text)


def fix_company_forms(text: str) -> str:
    """Repair the legal form of a company name as OCR garbles it ("Công ty Cố phần", "TTNHH", "'TNHH"), and
    its "Dược" read "Được"; a speck inside a word's letters dropped (``_capital_specks_dropped``)."""
    t = _capital_specks_dropped(_specks_dropped(text))
    for pat, rep in _COMPANY_FORMS:
        m = pat.search(fold1(t))
        if m:
            t = t[: m.start()] + rep + t[m.end() :]
    if _COMPANY.search(fold1(t)):
        t = _DUOC.sub(lambda m: {"Đ": "D", "đ": "d"}[m[1]] + m[2], t)
    return t


# a clause that goes on after the holder's name when no comma ends it ("… Hưng Thịnh có trụ sở tại …", "…
# Hoàng Long theo đề nghị …", "… Trung Thành đã đăng ký …"): a verb or a preposition in lower case that no
# name's word is (a name's words are capitalised; its common words, "dịch vụ", "và", "tổng hợp", no clause's)
# "Căn cứ …", "Điện thoại: …" in capitals end it only as what they open (a legal act cited, a number or a
# colon after it): they are words of names too ("Công ty TNHH Điện thoại Di động Sao Việt" was cut to its
# legal form); "ĐT:", "Tel:", "Fax:", "Email:" with their colon
_CLAUSE = re.compile(
    r"\s(?:được|đã|đang|sẽ|theo|để|với|do|là|kể từ|(?:có\s+)?trụ sở|có địa chỉ|đặt tại|căn cứ|"
    r"(?i:căn cứ(?=\s++(?:vào|luật|bộ luật|nghị định|nghị quyết|quyết định|thông tư|hiến pháp|văn bản|"
    r"công văn|đơn|hồ sơ|kết quả|đề nghị|biên bản|tờ trình|giấy|điều|khoản))|"
    r"(?:số\s++)?điện thoại(?=\s*+(?:/\s*+fax|liên hệ|cố định|di động)?\s*+(?:số\s*+)?(?:[:.]|[\dO(+]))|"
    r"(?:ĐT|Tel|Fax|E-?mail)(?=\s*+[:.])))(?!\w)"
)


def _form_only(value: str) -> bool:
    """The holder's name is a legal form with no name after it ("Công ty TNHH", "Doanh nghiệp tư nhân"): the
    name was cut off or lost."""
    return _FORM_ONLY.fullmatch(fold1(clean_value(value))) is not None


_FORM_ONLY = re.compile(
    r"(?:cong\s*ty|doanh\s+nghiep|hop\s+tac\s+xa|chi\s+nhanh|ho\s+kinh\s+doanh)"
    r"(?:\s+(?:t+nh+|mtv|cp|co\s+phan|trach\s+nhiem\s+huu\s+han|mot\s+thanh\s+vien|hai\s+thanh\s+vien"
    r"|tro\s+len|tu\s+nhan|hop\s+danh|cong\s*ty))*\W*"
)


def _clean_holder(text: str) -> str:
    # the clause first: what opens it may be before a bracket ("Điện thoại: (024) …")
    t = _CLAUSE.split(nfc(text), maxsplit=1)[0]
    t = re.split(r",|;|\(|\bmã số|\bđịa chỉ|\bMST\b|\bmã số thuế", t, maxsplit=1, flags=re.I)[0]
    t = clean_value(t)
    m = re.match(r"(?i)^(ông\s*/\s*bà|ông|bà)\s*[:.]?\s+", t)
    if m is not None and not _family_ong(t, m):
        t = t[m.end() :]
    return fix_company_forms(clean_value(t))


# a character no name's word holds inside it: a seal's or a speck's stroke read into the name ("Công: w TNHH
# MTV …", "TNHH#4 Xây dựng …"); its last word's stop and comma are the line's
_JUNK_CHARS = frozenset(":;#@$%*+=<>|~^\\[]{}")


def junk_in_name(value: str) -> bool:
    """Whether a holder's name (a company's or a person's) has a word no name has: a character of
    ``_JUNK_CHARS`` in a word ("Công:" of "Công ty", "TNHH#4"), a single small letter ("w" of "ty"), or a
    speck read as a capital glued before a capitalised syllable ("IDu lịch" of "Du lịch", w705 alt 007 and
    k935 dev 013 taken at 0.90 and 0.85). Acronyms and brands ("VPBank", "HDBank", "VNPT", "3C") are none of
    these: "PBank" is no syllable; nor is a one-letter word ("y tế", "ô tô", "ở")."""
    words = value.split()
    for k, w in enumerate(words):
        core = w.rstrip(".,") if k == len(words) - 1 else w
        if any(ch in _JUNK_CHARS for ch in core):
            return True
        if len(core) == 1 and core.isalpha() and core.islower() and not is_syllable(core):
            return True
        if (
            len(core) >= 3
            and core[0].isupper()
            and core[1].isupper()
            and core[2:].islower()
            and is_syllable(core[1:])
        ):
            return True
    return False


CLAUSE_TAIL = 5  # a name that ends in this many words in lower case read on into a clause (to review)


def _clause_tail(value: str) -> bool:
    """The holder's name ends in ``CLAUSE_TAIL`` words in lower case after one in capitals: a clause no
    marker of ``_CLAUSE`` opened ("… Hưng Thịnh kinh doanh dịch vụ lữ hành"); a name's common words are
    followed by its proper part ("… dịch vụ tổng hợp Tân Phú")."""
    words = value.split()
    tail = 0
    while tail < len(words) and words[len(words) - 1 - tail][:1].islower():
        tail += 1
    return tail >= CLAUSE_TAIL and tail < len(words)


def _family_ong(text: str, honorific: re.Match[str]) -> bool:
    """ "Ông" before a person's name may be its family name, not "Mr.", when the word after it can't start a
    name: a given name's syllable that is no family name ("Ông Đình Sơn": "Đình" is no "Đinh"; seed 105's alt
    006 was taken as "Đình Sơn" at 0.95). A family name in capitals ("NGUYỄN") or one the list lacks (the
    minorities' "Vừ", "Y") starts the name after the honorific. The value kept with "Ông" is in doubt
    (``_family_ong_kept``)."""
    if nfc(honorific.group(0)).strip(" :.").title() != "Ông":
        return False
    rest = [nfc(w).title() for w in text[honorific.end() :].split()]
    return 2 <= len(rest) <= 3 and rest[0] not in SURNAMES and rest[0] in NAME_SYLLABLES


def family_led(name: str, conf: float) -> tuple[str, bool]:
    """A person's name (its first word read at ``conf`` 0..1) led by the family name the signer's name's
    would be (``signer.family_read``: "Khống Phương Oanh" → "Khổng Phương Oanh"), in the case it was read in,
    and whether that family name is a guess (for review); the name as it is where no listed family name has
    its first word's letters."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return name, False
    core = words[0].rstrip(_WORD_TAIL)
    tail = words[0][len(core) :]  # "Khống," → "Khổng,": the punctuation read after it kept
    if not core:
        return name, False
    titled = core if len(core) <= 1 or not core.isupper() else core[0] + core[1:].lower()
    family, guessed = family_read([titled, *words[1:]], conf)
    if family is None or family == titled:
        return name, guessed
    return " ".join([(family.upper() if titled != core else family) + tail, *words[1:]]), guessed


_WORD_TAIL = ".,;:|!'\"()[]"


def _word_conf(words: Sequence[Word], text: str) -> float:
    """The OCR confidence (0..1) of the line's word that is ``text`` (punctuation aside), the whole word (not
    "A" of "Bà"); 1.0 for a word not on the line (the next line's, joined by ``with_next``)."""
    bare = text.strip(_WORD_TAIL)
    hits = [w.conf for w in words if w.text.strip(_WORD_TAIL) == bare]
    # (or glued to its label: "Bà:Khống")
    hits += [w.conf for w in words if re.split(r"[:/]", w.text)[-1].strip(_WORD_TAIL) == bare]
    return (hits[0] if hits else 100.0) / 100.0


FAMILY_ONG_CONF = 0.5  # "Ông" kept as a family name: the honorific is far more common, so to review


def _family_ong_kept(value: str) -> bool:
    """The holder's value kept "Ông" (``_family_ong``): any other "Ông" before a name is stripped."""
    return [w.title() for w in value.split()[:1]] == ["Ông"]


def read_holder(lines: Sequence[Line], subject: ExtractedField | None, *, blurred: bool = False) -> Found:
    """holder_name (a labelled line, else "… cho Công ty …" in the subject or Điều 1) and holder_id.
    ``blurred``: a blurred photo's, its name's letters as the lists spell them (``blurred_name_letters``)."""
    res = Builder()
    applicant = _applicant(lines)
    org_skipped = False  # an organisation's value skipped: a person's label after it names another
    marks_skipped = False  # a label's value of marks skipped (``_value_mostly_marks``): the next to review
    # a bare "Ông Bà …" only on a page with no proper label anywhere ("Ông/Bà: …" below it is the holder's)
    labelled = any(holder_label(ln.folded) for ln in lines)
    for k, ln in enumerate(lines):
        m = holder_label(ln.folded)
        bare = m is None and not labelled and (m := _bare_person_label(ln)) is not None
        if m and _value_doubted(ln, m.start(3)) and _junk_like(ln.folded[m.start(3) :]):
            # "CHỨNG NHẬN: TT có" (0, 18): a stamp's marks, not a holder; the holder's line follows
            org_skipped = org_skipped or bool(_ORG_LABEL.fullmatch(m.group(1)))
            continue
        if (
            m
            and _MARKS_LABEL.fullmatch(m.group(1))
            and _value_mostly_marks(ln, m.start(3))
            and k + 1 < len(lines)
            and holder_label(lines[k + 1].folded)
        ):
            # "CHỨNG NHẬN: „š z Š Đn tị trả X. sẻ" (an incoming stamp's marks, a few specks read surely), "Cơ
            # sở: Công ty …" under it (seed 649 dev 006): the next line's label has the holder, to review (an
            # organisation's label only, its value mostly no syllables: a person's value of doubted syllables
            # is still the holder's, "Ông: Nguyễn Văn Hùng" over a co-holder's "Bà: …")
            org_skipped = org_skipped or bool(_ORG_LABEL.fullmatch(m.group(1)))
            marks_skipped = True
            continue
        if m and _a_title(
            ln.text[m.start(3) :], specks=m.group(2) is not None or _label_doubted(ln, m.start(3))
        ):
            # "cơ Sở. GIẤY CHỨNG NHẬN" (specks at 3 and 8 % read as the label "Cơ sở" before the heading, seed
            # 869 corp 006): a document's title is no holder; the holder's label is further down
            continue
        if m:
            value = _clean_holder(with_next(lines, k)[m.start(3) :])
            stroke_lost = family_guessed = name_garbled = False
            if _PERSON_LABEL.fullmatch(m.group(1)) and value.split():
                first = value.split()[0]
                conf = _word_conf(ln.words, first)
                if conf < SURE_WORD_CONF or tone_misread(first):
                    # its family name read as the signer's (``signer.family_read``): "Khống" (94), no family
                    # name, is "Khổng" with its tone misread, in doubt; a word read surely with other vowel
                    # marks than a listed one's is as printed ("Vừ A Dính", not "Vũ"), and so is a name
                    # written without marks ("DINH VAN HUNG")
                    value, family_guessed = family_led(value, conf)
                if conf >= SURE_WORD_CONF and (restored := stroke_restored(value)) != value:
                    value, stroke_lost = restored, True  # "Dàm" (93) of "Đàm": a guess, in doubt
                # a person's name checked as the signer's (``names.well_formed``): "Cung Tất Lẫãm" (a word
                # with two tone marks, no syllable nor name of any orthography: w655 alt 006, 0.82) in doubt
                said_words = value.split()
                confs = [_word_conf(ln.words, x) for x in said_words]
                name_garbled = not well_formed(said_words, confs)
            if len(value) >= 3 and re.search(r"[A-Za-zÀ-ỹĐđ]", value):
                conf = ln.conf
                if org_skipped and _PERSON_LABEL.fullmatch(m.group(1)):
                    conf = min(conf, 0.55)  # the company's representative, not the company: to review
                if marks_skipped:
                    conf = min(conf, MARKS_SKIPPED_CONF)  # the line under a label's marks: to review
                if bare:
                    conf = min(conf, BARE_LABEL_CONF)
                if model_guessed(lines[k : k + 2], value) or stroke_lost or family_guessed or name_garbled:
                    conf = min(conf, GUESSED_WORDS_CONF)  # a name's word the model chose: to review
                own_line = _clean_holder(ln.text[m.start(3) :])
                if applicant is not None and any(
                    fold(applicant[0]).startswith(fold(v) + " ") for v in (value, own_line)
                ):
                    # the labelled name cut short (its end wrapped onto a line read as marks: "… Nam / lột"),
                    # the applicant's in "Xét hồ sơ đề nghị … của …" goes on with it: the whole name, to
                    # review (a clause's words read on into it are cut, ``_applicant``; REVIEW-25 #2)
                    value, conf = applicant[0], min(conf, applicant[1], APPLICANT_CONF)
                res.set("holder_name", value, conf)
                break
    if "holder_name" not in res.fields:
        misread = _misread_org_label(lines)
        if misread is not None:
            res.set("holder_name", misread[0], misread[1])
    if "holder_name" not in res.fields:
        # Điều 1 grants the act to the holder by its full name, with its tax code and address: body print,
        # where the trích yếu above it is where an incoming stamp lands ("cho Công ty TủHH DưệẾphá# Ó")
        article = _for_in(lines, ("dieu 1",))
        if article:
            starts = [k for k, ln in enumerate(lines) if fold(ln.text).startswith("dieu 1")]
            own = [x for k in starts for x in lines[k : k + 2]]
            conf = GUESSED_WORDS_CONF if model_guessed(own, article[0]) else 0.9
            res.set("holder_name", article[0], min(conf, article[1]))
    if "holder_name" not in res.fields and subject and subject.value:
        m = FOR_HOLDER.search(fold1(subject.value))
        if m:
            value = _clean_holder(subject.value[m.start(1) :])
            # the subject's lines are in capitals and its value in sentence case: compared in any case, or
            # "THÀNH DẠT" (read at 90) made "ĐẤT" by the model went in as the holder at 0.87
            said = fold(subject.value)
            own = [ln for ln in lines if (t := fold(ln.text).strip()) and t in said]
            conf = (
                GUESSED_WORDS_CONF if model_guessed(own, value, any_case=True) else subject.confidence * 0.95
            )
            res.set("holder_name", value, conf)
    if "holder_name" not in res.fields and applicant is not None:
        res.set("holder_name", applicant[0], min(applicant[1], APPLICANT_CONF))
    if "holder_name" not in res.fields:
        other = _for_in(lines, ("cap ", "cho "))
        if other:
            starts = [k for k, ln in enumerate(lines) if fold(ln.text).startswith(("cap ", "cho "))]
            own = [x for k in starts for x in lines[k : k + 2]]
            res.set("holder_name", other[0], GUESSED_WORDS_CONF if model_guessed(own, other[0]) else 0.6)
    text = " ".join(ln.text for ln in lines)
    folded = fold1(text)
    for mid in _ID.finditer(folded):
        label = mid.group(1)
        garbled = _GARBLED_TAX.fullmatch(label) is not None  # "Mã sð thuế", "Mũ số thuế" of a blurred scan
        hid = _clean_id(text[mid.start(2) : mid.end(2)], "ma so thue" if garbled else label)
        if hid and garbled and hid[1] < 1.0:
            continue  # a garbled label's code is taken only when its check digit holds
        if hid:
            conf = conf_at(lines, mid.start(2), mid.end(2)) * hid[1]
            if garbled or (hid[1] < 1.0 and _TAX_SHAPE.fullmatch(hid[0])):
                # a tax code whose check digit fails has a digit misread (which one the check cannot tell):
                # never sure, however surely its digits were read
                conf = min(conf, GARBLED_TAX_CONF)
            res.set("holder_id", hid[0], conf)
            break
    held = res.fields.get("holder_name")
    if held is not None and held.confidence > GUESSED_WORDS_CONF and junk_in_name(held.value or ""):
        res.fields["holder_name"] = held = replace(held, confidence=GUESSED_WORDS_CONF)
    if held is not None and held.confidence > GUESSED_WORDS_CONF and _clause_tail(held.value or ""):
        res.fields["holder_name"] = held = replace(held, confidence=GUESSED_WORDS_CONF)
    if held is not None and held.confidence > FAMILY_ONG_CONF and _form_only(held.value or ""):
        res.fields["holder_name"] = held = replace(held, confidence=FAMILY_ONG_CONF)  # the name itself lost
    if held is not None and held.confidence > FAMILY_ONG_CONF and _family_ong_kept(held.value or ""):
        res.fields["holder_name"] = held = replace(held, confidence=FAMILY_ONG_CONF)
    # "Vận tải biến" of "biển", read at 96: the language says which word the phrase has, not the reading
    if held is not None and held.confidence > GUESSED_WORDS_CONF and other_marks_likelier(held.value or ""):
        res.fields["holder_name"] = held = replace(held, confidence=GUESSED_WORDS_CONF)
    if held is not None and held.value and held.confidence > GUESSED_WORDS_CONF:
        reread = _read_otherwise(lines, held.value)
        if reread is not None:
            # "… Xanh Ảnh Dương" (90) in Điều 1, "… XANH ÁNH DƯƠNG" (96) in the subject: one name, its marks
            # read two ways; the surer reading, in doubt (seed 469 alt 007 took "Ảnh" at 0.90)
            res.fields["holder_name"] = held = replace(held, value=reread, confidence=GUESSED_WORDS_CONF)
    if held is not None and held.value and (tail := _tail_read_elsewhere(lines, held.value)) is not None:
        # "… Lữ hành Ánh D#+oz" (43) on the label's line, "… Lữ hành Ánh / Dương," in the text above it: one
        # name printed twice, its last word garbled once; the other reading's, to review
        res.fields["holder_name"] = held = replace(
            held, value=tail, confidence=min(held.confidence, GUESSED_WORDS_CONF)
        )
    if held is not None and held.value:
        once = [two_guessed(w) for w in held.value.split()]
        if any(once):
            # "Cung Tất Lẫãm" (the word at 44, its line at 82): a vowel read twice, each with a tone, no word
            # at all; the first guess, to review (the other may be the one printed: "Nẵẫm" of "Nẫm")
            value = " ".join(o or w for o, w in zip(once, held.value.split(), strict=True))
            res.fields["holder_name"] = held = replace(
                held, value=value, confidence=min(held.confidence, GUESSED_WORDS_CONF)
            )
    if held is not None and held.value and (held.confidence < DOUBTFUL or blurred):
        value = lookalike_tone_name(held.value)
        if value != held.value:
            res.fields["holder_name"] = held = replace(
                held, value=value, confidence=min(held.confidence, GUESSED_WORDS_CONF)
            )
    if blurred and held is not None and held.value:
        value = blurred_name_letters(held.value)
        if value != held.value:
            res.fields["holder_name"] = replace(
                held, value=value, confidence=min(held.confidence, GUESSED_WORDS_CONF)
            )
    return res.freeze()


_WORD_MARKS = "()[],.;:\"'“”"


def _read_otherwise(lines: Sequence[Line], value: str) -> str | None:
    """The holder's name as the page reads it elsewhere with other marks on the same letters (its words in
    a row on the lines, in any case: the subject's "… XANH ÁNH DƯƠNG" and Điều 1's "… Xanh Ảnh Dương"):
    a proper name's marks no language model can tell, read two ways, are no sure reading. The reading whose
    differing words Tesseract read the more surely (in ``value``'s case), ``value`` itself when its own are
    the surer; None when the page reads the name nowhere else otherwise, or nowhere as ``value`` has it (a
    legal form repaired, ``fix_company_forms``)."""
    names = [w.strip(_WORD_MARKS) for w in value.split()]
    names = [w for w in names if w]
    if len(names) < 2:
        return None
    words = [
        (nfc(w.text.strip(_WORD_MARKS)), w.conf)
        for ln in lines
        for w in ln.words
        if w.text.strip(_WORD_MARKS)
    ]
    want = [fold(w) for w in names]
    mine = [_marked(w) for w in names]
    readings = []
    for i in range(len(words) - len(names) + 1):
        window = words[i : i + len(names)]
        if [fold(t) for t, _ in window] == want:
            readings.append(window)
    others = [r for r in readings if [_marked(t) for t, _ in r] != mine]
    if not others:
        return None
    own = [r for r in readings if [_marked(t) for t, _ in r] == mine]
    if not own:
        return None  # the value's words repaired ("Cổ phần" of "Cố phần"), not as the page reads them

    def sure(reading: Sequence[tuple[str, float]]) -> float:
        differ = [c for k, (t, c) in enumerate(reading) if _marked(t) != mine[k]]
        return min(differ) if differ else 0.0

    other = max(others, key=sure)
    other_diff = [k for k, (t, _) in enumerate(other) if _marked(t) != mine[k]]
    own_conf = max((min(r[k][1] for k in other_diff) for r in own), default=0.0)
    if sure(other) <= own_conf:
        return value
    out = value.split()
    at = [k for k, w in enumerate(value.split()) if w.strip(_WORD_MARKS)]
    for k in other_diff:
        word, read = out[at[k]], other[k][0]
        core = word.strip(_WORD_MARKS)
        cased = (
            read.upper()
            if core.isupper() and len(core) > 1
            else (read[:1].upper() + read[1:].lower() if core[:1].isupper() else read.lower())
        )
        out[at[k]] = word.replace(core, cased)
    return " ".join(out)


# a type's name that also heads an organisation's ("CHƯƠNG TRÌNH PHÁT TRIỂN LIÊN HỢP QUỐC", a UN body)
_ORGANISATION_TYPES = frozenset({"chuong trinh", "de an", "du an"})


def _a_title(text: str, *, specks: bool) -> bool:
    """``text`` (a labelled line's value) is a document's title: a type's name ("GIẤY CHỨNG NHẬN") alone, or
    heading a title in capitals ("GIẤY PHÉP KINH DOANH") after a label that is likely specks (``specks``: read
    without its colon or in doubt, "cơ Sở. GIẤY CHỨNG NHẬN"); a type that heads organisations' names too
    ("Chương trình …") is not."""
    value = re.sub(r"[^\w\s]", " ", text).strip()
    folded = " ".join(fold(value).split())
    if folded in F_TYPES:
        return True
    return (
        specks
        and value.isupper()
        and any(folded.startswith(t + " ") for t in F_TYPES if t not in _ORGANISATION_TYPES)
    )


def _label_doubted(ln: Line, start: int) -> bool:
    """The words of the line before character ``start`` (its label) were all read in doubt (under
    ``HOLDER_JUNK_CONF``): specks read as a label's letters."""
    pos, confs = 0, []
    for w in ln.words:
        if pos + len(w.text) <= start:
            confs.append(w.conf)
        pos += len(w.text) + 1
    return bool(confs) and max(confs) < HOLDER_JUNK_CONF


TAIL_HEAD_WORDS = 4  # a name's words before its garbled last one, read alike elsewhere: at least this many
# a sign no name's word has, no code ("G7", "3D") and no grade ("C+", "A++": its "+" signs at its end) has
_GARBLED_WORD = re.compile(r"[^\w.,&'\-+]|\+(?!\+*$)")
TAIL_LENGTH_SLACK = 2  # the word read elsewhere has as many letters as the garbled one, give or take these
# a line opening with a label ("Địa chỉ:", "Mã số thuế:"): its first word is no name's
_LABEL_START = re.compile(r"^\W*\w+(?:[ /]\w+){0,3}\s*:")


def _tail_read_elsewhere(lines: Sequence[Line], value: str) -> str | None:
    """The holder's name ``value`` whose last word is no syllable (marks or a stamp's ink over it: "Ánh
    D#+oz"), with that word as the page reads it after the same other words elsewhere (the name printed twice:
    a licence's "… giấy phép của Công ty … Ánh / Dương," over its "Tên tổ chức: …"), a syllable, the one word
    every such reading has; None otherwise (no other reading, or two that differ)."""
    parts = value.split()
    if len(parts) <= TAIL_HEAD_WORDS:
        return None
    last = parts[-1].strip(_WORD_MARKS)
    if not _GARBLED_WORD.search(last):
        return None  # a word of letters, a syllable or not ("ABC", "JSC"), is as printed
    head = [fold(w.strip(_WORD_MARKS)) for w in parts[:-1]]
    words, opens = [], []  # the page's words; whether each opens a labelled line
    for ln in lines:
        labelled = _LABEL_START.match(nfc(ln.text)) is not None
        for j, w in enumerate(x for x in ln.words if x.text.strip(_WORD_MARKS)):
            words.append(nfc(w.text.strip(_WORD_MARKS)))
            opens.append(labelled and j == 0)
    first = nfc(last)[:1].lower()
    found = {
        words[i + len(head)]
        for i in range(len(words) - len(head))
        if [fold(t) for t in words[i : i + len(head)]] == head
        and is_syllable(words[i + len(head)])
        and words[i + len(head)][:1].isupper()
        # the same first letter, marks and all ("D#+oz" is no "Địa"), about as many letters, no label's word
        and words[i + len(head)][:1].lower() == first
        and abs(len(words[i + len(head)]) - len(last)) <= TAIL_LENGTH_SLACK
        and not opens[i + len(head)]
    }
    if len({_marked(t) for t in found}) != 1:
        return None
    read = found.pop()
    core = parts[-1].strip(_WORD_MARKS) or parts[-1]
    word = read.upper() if parts[-2].isupper() and len(parts[-2]) > 1 else read[:1].upper() + read[1:].lower()
    return " ".join([*parts[:-1], parts[-1].replace(core, word) if core in parts[-1] else word])


def read_two_ways(lines: Sequence[Line], name: str | None) -> bool:
    """Whether the page reads the holder's ``name`` (as ``read_holder`` gives it) with other marks on its
    letters elsewhere (``_read_otherwise``): the name's marks are no sure reading, wherever else it is read
    (the trích yếu's "… cho <holder>" that ``read_holder`` may have taken the marks of)."""
    return bool(name) and _read_otherwise(lines, name or "") is not None


def _marked(word: str) -> str:
    """A word's letters and marks in lower case, its tone placed one way ("Thuỷ" and "Thủy" alike)."""
    return normalize_tones(nfc(word)).casefold()


# digits a blurred photo reads for a name's capitals ("Trường 5ơn" of "Sơn")
_LETTER_OF_DIGIT = str.maketrans({"5": "S", "0": "O", "8": "B", "6": "G", "1": "I"})
_NAME_SET = frozenset(NAME_SYLLABLES)
PERSON_WORDS = 5  # a person's name has at most this many words
PROPER_TAIL = 2  # a company's own name: its last words ("… Kỹ thuật Hoàng Long", "… Dược phẩm Minh Châu")
_FORM_START = re.compile(r"(cong ty|hop tac xa|chi nhanh|doanh nghiep|benh vien|trung tam|phong kham)\b")


def blurred_name_letters(value: str) -> str:
    """A holder's name as a blurred photo read it with the lists' letters: a person's family name its marks
    misread ("Bửi Minh Nam" → "Bùi", ``family_led`` as if read unsurely, however sure Tesseract was: blur
    makes it sure of a wrong mark); an organisation's own name, its last ``PROPER_TAIL`` words, each
    capitalised word no listed given name that is one with other marks or a digit read for its capital
    ("Hoảng Long" → "Hoàng", "Trường 5ơn" → "Sơn"), the only listed name so (``NAME_SYLLABLES``); not a
    family name nor a word the language model knows as read (``correct.common``: "Tân", "Xanh"). Other words
    as read."""
    words = value.split()
    if not _FORM_START.match(fold1(value)):
        # a person's name: two to five words, those after the first listed names ("Trường Mầm non …", "Hộ
        # kinh doanh …", "Trường Tiểu Học …" are not: no "Trương", "Hồ" of them)
        person = 2 <= len(words) <= PERSON_WORDS and all(w.strip(",.;:") in _NAME_SET for w in words[1:])
        return family_led(value, 0.0)[0] if person else value
    for i in range(max(0, len(words) - PROPER_TAIL), len(words)):
        w = words[i]
        core = w.strip(",.;:")
        if core in _NAME_SET or core in SURNAMES or len(core) < 2 or correct.common(core):
            continue  # a listed name, or a word the language uses as read ("Tân", "Xanh")
        if (i and correct.known_place(words[i - 1], w)) or (
            i + 1 < len(words) and correct.known_place(w, words[i + 1])
        ):
            continue  # a known place's name as read ("… Xã hội Lục Ngạn": no given name "Ngân")
        lettered = core[0].translate(_LETTER_OF_DIGIT) + core[1:]
        if not lettered[:1].isupper() or any(ch.isdigit() for ch in lettered):
            continue
        if i and _phrase(words[i - 1], core):
            continue  # a common word of a common phrase ("Dịch Vụ"), not a name
        names = F_SYLLABLES.get(fold(lettered), [])
        if len(names) == 1:
            words[i] = w.replace(core, names[0])
    return " ".join(words)


def lookalike_tone_name(value: str) -> str:
    """An organisation's own name (its last ``PROPER_TAIL`` words) with a capitalised word that is no listed
    name, where the same letters under the look-alike tone (``_tones_alike``: a hook for an acute or back,
    Tesseract's commonest mark confusion on a scan; a grave for an i's dot) are one listed given name: that
    name ("… Quốc tế Ảnh Dương" of "Ánh Dương", seed 533 alt 000 and 629 alt 013). A guess: for a value
    already in doubt (or a blurred photo's, which is). Other words as read, and so is a word of an ordinary
    phrase: one the language model shows beside its neighbour ("Kiểm Toán", "Thể Thao", "Điện Ảnh": a trade's
    words, capitalised in the name), or one whose partner in the name is no listed name ("Ảnh Viện": a name's
    words are names both)."""
    words = value.split()
    if not _FORM_START.match(fold1(value)):
        return value
    start = max(0, len(words) - PROPER_TAIL)
    cores = [w.strip(",.;:") for w in words]
    for i in range(start, len(words)):
        w, core = words[i], cores[i]
        if core in _NAME_SET or core in SURNAMES or len(core) < 2 or not core[:1].isupper():
            continue
        partners = [cores[j] for j in range(start, len(words)) if j != i]
        if not partners or any(p not in _NAME_SET and p not in SURNAMES for p in partners):
            continue
        if any(_beside(cores[j], cores[j + 1]) >= PHRASE_MIN for j in (i - 1, i) if 0 <= j < len(words) - 1):
            continue
        k = key(core.lower())
        names = [
            n
            for n in F_SYLLABLES.get(fold(core), [])
            if (kn := key(n.lower()))[:-1] == k[:-1] and _tones_alike(core, k, n, kn)
        ]
        if len(names) == 1:
            words[i] = w.replace(core, names[0])
    return " ".join(words)


_LOOKALIKE_TONES = frozenset({"1", "3"})  # sắc, hỏi (``syllable.key``'s tone digits)
_DOT_OR_GRAVE = frozenset({"0", "2"})  # no mark, huyền: over an "i", its dot and a grave ("Mình" of "Minh")


def _tones_alike(read: str, read_key: str, name: str, name_key: str) -> bool:
    """Whether a word ``read`` and a listed ``name`` of the same letters differ by a look-alike tone: a hook
    for an acute or back (``_LOOKALIKE_TONES``), or, where the mark stands over an "i", a grave for the i's
    own dot or back ("Dược phẩm Mình Châu" of "Minh Châu" on a scan, seed 595 dev 013: kept at 0.55)."""
    tones = {read_key[-1:], name_key[-1:]}
    if tones == _LOOKALIKE_TONES:
        return True
    # (one way only: a grave read over a listed name's bare "i"; a bare "i" read is no grave's, "Tinh Hoa"
    # is no "Tình Hoa": review of numbers59)
    return read_key[-1:] == "2" and name_key[-1:] == "0" and "ì" in nfc(read).lower()


PHRASE_MIN = 20  # times the corpus shows two words side by side: an ordinary phrase, no name's chance


def _beside(before: str, word: str) -> int:
    """How often the language model shows ``word`` (in lower case) after ``before``."""
    model = correct.load()
    a, b = (model.index.get(key(w.lower())) for w in (before, word))
    return 0 if a is None or b is None else model.bigrams.get(a * model.size + b, 0)


def _phrase(before: str, word: str) -> bool:
    """The language model shows ``word`` (in lower case) after ``before``: a common phrase's word."""
    model = correct.load()
    a, b = (model.index.get(key(w.strip(",.;:").lower())) for w in (before, word))
    return a is not None and b is not None and a * model.size + b in model.bigrams


# "Xét hồ sơ đề nghị cấp giấy phép của Công ty …," ("Xót hồ sơ", "đã nghị" of a blurred photo): who applied
_APPLICANT = re.compile(
    r"^\W*x[a-z]{1,2}t\s+ho\s+so\b[^,;]{0,80}?\bcua\s+((?:cong ty|benh vien|trung tam|hop tac xa|truong|"
    r"phong kham|chi nhanh|doanh nghiep|ho kinh doanh|co so)\b.*)$"
)
# the applicant taken for the holder when no label names one: a licence is granted to who applied for it,
# but the clause is no statement of the holder (to review below this)
APPLICANT_CONF = 0.59


# words in lower case that end the applicant's name and start the clause's rest ("… Minh Long kèm theo hồ sơ",
# "… tại Tờ trình số 5/TTr", "… lập thay cho …"); a name's own "và" stays ("Thương mại và Dịch vụ")
_APPLICANT_CUT = re.compile(r"\s(?=(?:kèm|tại|lập|gửi|nộp|thay|ngày|về|cho|đại diện|ủy quyền)(?!\w))")
_FOR_ANOTHER = re.compile(r"^(?:thay|cho|đại diện|ủy quyền|lập thay|lập cho)(?!\w)")


def _applicant(lines: Sequence[Line]) -> tuple[str, float] | None:
    """The organisation whose application the act answers ("Xét hồ sơ đề nghị cấp giấy phép của Công ty
    TNHH … Nam Việt,"), its paragraph's lines joined, and the confidence of its first line."""
    for k, ln in enumerate(lines):
        if not re.match(r"^\W*x[a-z]{1,2}t\s+ho\s+so\b", ln.folded):
            continue
        text = _paragraph(lines, k)
        m = _APPLICANT.match(fold1(text))
        if m is None:
            continue
        name = _clean_holder(text[m.start(1) :])
        cut = _APPLICANT_CUT.split(name, maxsplit=1)
        if len(cut) > 1 and _FOR_ANOTHER.search(cut[1]):
            return None  # "… của Công ty Tư vấn X lập thay cho Hộ Y": the consultant, not the holder
        name = cut[0].strip()
        if len(name.split()) >= 3 and not _form_only(name):
            return name, ln.conf
    return None


HOLDER_JUNK_CONF = 50.0  # (Tesseract's 0..100) a labelled value read all less surely than this is no value
# labels that announce an organisation or an establishment, not a person
_ORG_LABEL = re.compile(
    r"ten to chuc|ten co so|ten doanh nghiep|ten don vi|co so|to chuc|don vi|doanh nghiep"
)
# labels whose value may be an incoming stamp's marks, the holder under its own label on the next line
_MARKS_LABEL = re.compile(r"chung nhan|" + _ORG_LABEL.pattern)


# an organisation's label as a blurred photo may read it, one letter off in all ("Cơ sử:" of "Cơ sở:", seed
# 261 blur dev 013, its holder lost), before an organisation's form ("Công ty …"): its value is the holder, to
# review
_ORG_LABELS = tuple(
    label.split()
    for label in ("ten to chuc", "ten co so", "ten doanh nghiep", "ten don vi", "co so", "to chuc", "don vi")
)
_MISREAD_LABEL = re.compile(r"^\W*([a-z]+(?: [a-z]+){1,2})\s*[:;]\s*(\S.*)$")
_ORG_FORM = re.compile(r"(cong ty|hop tac xa|chi nhanh|doanh nghiep|benh vien|trung tam|phong kham)\b")
MISREAD_LABEL_CONF = 0.59


def _misread_org_label(lines: Sequence[Line]) -> tuple[str, float] | None:
    """The holder after an organisation's label read one letter off (``_ORG_LABELS``), its value opening with
    an organisation's form; in doubt (``MISREAD_LABEL_CONF``). None when no line has one."""
    for k, ln in enumerate(lines):
        m = _MISREAD_LABEL.match(ln.folded)
        if m is None or not _ORG_FORM.match(m.group(2)):
            continue
        words = m.group(1).split()
        if not any(
            len(words) == len(label)
            and sum(Levenshtein.distance(a, b) for a, b in zip(words, label, strict=True)) == 1
            for label in _ORG_LABELS
        ):
            continue
        value = _clean_holder(with_next(lines, k)[m.start(2) :])
        if len(value) >= 3:
            return value, min(ln.conf, MISREAD_LABEL_CONF)
    return None


def _junk_like(value: str) -> bool:
    """A doubted labelled value that looks like marks, not a name: two words at most, or no word of three
    letters ("TT có"). "CÔNG TY TNHH NAM VIỆT" read faintly is still the holder."""
    words = value.split()
    return len(words) <= 2 or not any(len(re.sub(r"[^a-z]", "", w)) >= 3 for w in words)


def _value_doubted(ln: Line, start: int) -> bool:
    """Every word of the line from character ``start`` on (the labelled value) was read with less confidence
    than ``HOLDER_JUNK_CONF``: marks read as letters, not a name."""
    pos, confs = 0, []
    for w in ln.words:
        if pos + len(w.text) > start:
            confs.append(w.conf)
        pos += len(w.text) + 1
    return bool(confs) and max(confs) < HOLDER_JUNK_CONF


def _value_mostly_marks(ln: Line, start: int) -> bool:
    """Half the words or more of the line from character ``start`` on (the labelled value) are marks: read
    with less confidence than ``HOLDER_JUNK_CONF`` and no Vietnamese syllable ("„š", "Đn", "X."), a speck or
    two among them read surely. Real syllables read in doubt ("Nguyễn Văn Hùng" at 45) are no marks."""
    pos, marks, n = 0, 0, 0
    for w in ln.words:
        if pos + len(w.text) > start:
            n += 1
            letters = re.sub(r"[^\wÀ-ỹĐđ]|[\d_]", "", w.text)
            marks += w.conf < HOLDER_JUNK_CONF and (not letters or not is_syllable(letters))
        pos += len(w.text) + 1
    return n > 0 and 2 * marks >= n


MARKS_SKIPPED_CONF = 0.55  # the labelled line under marks taken (``_value_mostly_marks``): to review


def _for_in(lines: Sequence[Line], starts: tuple[str, ...]) -> tuple[str, float] | None:
    """The holder after "cho Công ty …" in the paragraphs opening with ``starts`` (each with its next line
    when it goes on there), and the OCR confidence of the first of those paragraphs."""
    paragraphs = [_paragraph(lines, k) for k, ln in enumerate(lines) if fold(ln.text).startswith(starts)]
    joined = " ".join(paragraphs)
    m = FOR_HOLDER.search(fold1(joined))
    if m is None:
        return None
    name = _clean_holder(joined[m.start(1) :])
    if len(name) < 3:
        return None
    return name, next(ln.conf for ln in lines if fold(ln.text).startswith(starts))


PARAGRAPH_LINES = 3  # the lines of a paragraph a holder's name may run to ("… cho Công ty … Hưng / Thịnh, …")


def _paragraph(lines: Sequence[Line], k: int) -> str:
    """Line ``k``'s text and the lines after it it goes on to (``with_next``), ``PARAGRAPH_LINES`` at most: a
    name wrapped at the end of the paragraph's second line (seed 103's alt 007: "… Lữ hành Hưng / Thịnh, mã
    số thuế: …" was taken as "… Lữ hành Hưng" at 0.90)."""
    text, j = lines[k].text, k
    while j + 1 < len(lines) and j + 1 - k < PARAGRAPH_LINES and with_next(lines, j) != lines[j].text:
        j += 1
        text = f"{text} {lines[j].text}"
    return text


# the next line opens an article, or has a label of its own ("Địa chỉ:", "Mã số thuế:"; a label has no comma:
# "Hoàng Long, mã số thuế: …" goes on with a name); the marks before it taken whole (possessive: "\W*" gave
# them back one by one to the label's first word, quadratic on a line of marks: 12 000 marks took 8 s)
# (a label of six words: "Mã số doanh nghiệp/Mã số thuế:", its "Mã" misread "Má")
_NEXT_STOP = re.compile(r"^\W*+(dieu \d|can cu\b|[^\s,]+(\s+[^\s,]+){0,5}\s*:)")


def with_next(lines: Sequence[Line], k: int) -> str:
    """Line ``k``'s text, and the next line's when it goes on with it: ``k`` runs to the page's right margin
    (a name wrapped there: "… cho Công ty Cổ phần Thương / mại và Dịch vụ Nam Việt, mã số thuế …") and the
    next neither opens an article nor has a label of its own."""
    ln = lines[k]
    if k + 1 >= len(lines) or not ln.boxed:
        return ln.text
    nxt = lines[k + 1]
    ends = sorted(x.x1 for x in lines if x.page == ln.page)
    margin = ends[int(0.9 * (len(ends) - 1))]
    if nxt.page != ln.page or _NEXT_STOP.match(nxt.folded):
        return ln.text
    # a paragraph's line that ends mid-sentence, the next right under it starting left of it (the paragraph's
    # first line is indented, a new paragraph's is not left of it) or under it in lower case: a ragged right
    # margin wrapped it there ("… cửa hàng bán lẻ / xăng dầu cho Công ty …", "… Xây dựng / Hoàng Long, …")
    tol = 0.01 * ln.width
    wrapped = (
        not re.search(r"[.;:!?]\W*$", ln.text)
        and -0.5 * (ln.y1 - ln.y0) <= nxt.y0 - ln.y1 < 2 * max(1.0, ln.y1 - ln.y0)
        and (nxt.x0 < ln.x0 - tol or (nxt.text[:1].islower() and nxt.x0 <= ln.x0 + tol))
    )
    if ln.x1 < margin - 0.06 * ln.width and not wrapped:
        return ln.text
    return f"{ln.text} {nxt.text}"


def conf_at(lines: Sequence[Line], offset: int, end: int | None = None) -> float:
    """The confidence of what was read at ``offset`` of the lines' text (their texts one space apart): its
    line's; with ``end``, no more than the least sure word with a digit in ``offset``..``end`` (as
    ``place_date.date_conf``: a code or a date is as sure as its least sure digits, not as its line's mean; a
    blurred photo's digits are put in doubt word by word, ``blurred.digits_in_doubt``, and its holder id
    "6475421120" of "6475428207" came out at 0.85 by the mean of its sure label words)."""
    pos = 0
    conf: float | None = None
    digits: list[float] = []
    for ln in lines:
        nxt = pos + len(ln.text) + 1
        if conf is None and offset < nxt:
            conf = ln.conf
        if end is not None and pos < end and offset < nxt:
            at = pos
            for w in ln.words:  # (a line's text is its words' NFC, one space apart)
                n = len(nfc(w.text))
                if at < end and at + n > offset and any(ch.isdigit() for ch in w.text):
                    digits.append(w.conf / 100.0)
                at += n + 1
        pos = nxt
        if conf is not None and (end is None or pos >= end):
            break
    return min([0.5 if conf is None else conf, *digits])
