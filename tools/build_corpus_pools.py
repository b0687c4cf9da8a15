"""Build the value pools of the ``corp`` family (``samples.axes``) from the public-domain corpus.

    python tools/build_corpus_pools.py [CORPUS_DIR] [-o samples/data/corpus_pools.json]

Reads ``../shared/corpus`` (Official Gazette documents and the Ministry of Justice's codification, public
domain: see ``tools/build_lm.py``) and writes only derived, compact lists (a few hundred short entries at
most), never the text nor a document: signers' names split into surname / middle / given, organs with their
notation abbreviations, document titles, licence and certificate titles, unit abbreviations, provinces, place
and street names. Everything is found by general patterns (a name line under a signature title, "Bộ …"
whose syllables' initials spell a notation's abbreviation, the line under a type heading …), nothing is
picked by hand, so the content is the corpus's, not ours. NFC, modern tone placement (``hòa``, ``ủy``).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LOW = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
CAP = f"[{UP}][{LOW}]+"  # a capitalised syllable
WORD = f"[{UP}{LOW}]+"
# a signature block's title line: the head of an organ or its deputy, as printed (upper case)
SIGN_TITLE = re.compile(
    r"^(?:(?:KT|TM|TL|Q|TUQ)\. .*|(?:PHÓ )?(?:THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|"
    r"TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN NHÀ NƯỚC|THỐNG ĐỐC|"
    r"CHỦ NHIỆM|TỔNG THƯ KÝ|TRƯỞNG BAN|VỤ TRƯỞNG|CHÁNH VĂN PHÒNG))$"
)
NAME_LINE = re.compile(rf"^(?:\[\w*\] ?)?({CAP}(?: {CAP}){{2,3}})$")
# a document notation: "12/2020/TT-BTC", "225/QĐ-BLĐTBXH" (its parts after the number)
NOTATION = re.compile(rf"\b\d+/(?:\d{{4}}/)?([{UP}][{UP}{LOW}]*(?:-[{UP}][{UP}{LOW}]*)+)\b")
PART = re.compile(rf"^[{UP}](?:[{UP}]|[A-Z][a-z])*$")
TYPE_HEADINGS = ("QUYẾT ĐỊNH", "THÔNG TƯ", "NGHỊ ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "THÔNG TƯ LIÊN TỊCH")
TYPE_WORDS = "Thông tư liên tịch|Thông tư|Nghị định|Quyết định|Nghị quyết|Chỉ thị|Luật"
# function words: a "Giấy phép …" phrase holding one is a clause ("Giấy phép bị mất"), not a title
FUNCTION = frozenset(
    [
        "cho",
        "của",
        "theo",
        "do",
        "đã",
        "được",
        "hoặc",
        "tại",
        "trong",
        "khi",
        "thì",
        "phải",
        "này",
        "có",
        "với",
        "từ",
        "đến",
        "để",
        "là",
        "nêu",
        "trên",
        "bị",
        "hết",
        "còn",
        "mới",
        "không",
        "thuộc",
        "sau",
        "trước",
        "gồm",
        "bao",
        "số",
        "thứ",
        "các",
        "nơi",
        "như",
        "nhưng",
        "hay",
        "mục",
        "ra",
        "kể",
    ]
)
CUT = re.compile(r"[,;:.()\[\]\n“”\"…]")
FOOTNOTE = re.compile(rf"(?<=[{UP}{LOW}])\d{{1,2}}(?=[\s,.;:]|$)")
# the country, named after "nước", "Cộng hòa xã hội chủ nghĩa": never a commune's or a district's name
COUNTRY = "Việt Nam"
# the words that name a place's kind: one of them after a place is the next place ("huyện Yên Phong tỉnh …")
PLACE_HEADS = ("tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường", "thôn", "khu", "tổ")
# a word opening another organ's name: a comma before it ends a Cục's ("Cục Xuất bản, Sở …"), another word
# after a comma goes on with it ("Cục Xuất bản, In và Phát hành")
ORGAN_HEADS = ("Bộ", "Sở", "Cục", "Tổng", "Vụ", "Phòng", "Văn", "Ủy", "Ban", "Viện", "Thanh", "Tòa", "Ngân")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tones(text: str) -> str:
    """One tone convention (the project's: ``hòa``, ``ủy``)."""
    from digitize.pipeline.fields.text import normalize_tones

    return normalize_tones(nfc(text))


def initials(words: list[str]) -> str:
    """A Vietnamese organ's abbreviation from its name: each syllable's first letter (Đ kept), upper case,
    "và" and dashes left out ("Lao động - Thương binh và Xã hội" → LĐTBXH)."""
    return "".join(w[0].upper() for w in words if w not in ("và", "-", "–", "&"))


def read_corpus(corpus: Path) -> dict[str, str]:
    out = {}
    for f in sorted(corpus.glob("*/text/**/*.txt")):
        out[f"{f.parent.parent.name}/{f.name}"] = tones(f.read_text(encoding="utf-8", errors="ignore"))
    return out


def signer_names(texts: dict[str, str]) -> Counter[str]:
    """The line that is a name (3-4 capitalised syllables) within three lines under a signature title."""
    names: Counter[str] = Counter()
    for text in texts.values():
        lines = [s.strip() for s in text.split("\n")]
        for i, line in enumerate(lines):
            if not SIGN_TITLE.match(line):
                continue
            for nxt in lines[i + 1 : i + 4]:
                m = NAME_LINE.match(nxt)
                if m:
                    names[m.group(1)] += 1
                    break
    return names


def split_names(names: Counter[str]) -> dict[str, list[str]]:
    """Surname / middle / given, by sex: female where the middle holds "Thị", else male."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        w = name.split()
        female = "Thị" in w[1:-1]
        out["surnames"][w[0]] += 1
        out["middle_f" if female else "middle_m"][" ".join(w[1:-1])] += 1
        out["given_f" if female else "given_m"][w[-1]] += 1
    return {k: sorted(v) for k, v in out.items()}


def notation_parts(texts: dict[str, str]) -> Counter[str]:
    parts: Counter[str] = Counter()
    for text in texts.values():
        for m in NOTATION.finditer(text):
            for p in m.group(1).split("-"):
                if PART.match(p):
                    parts[p] += 1
    return parts


def phrases(texts: dict[str, str], head: str, max_words: int = 10, *, cap: bool = False) -> Counter[str]:
    """``head`` + the words after it, counted where the phrase is whole: it runs to punctuation or a line's
    end within ``max_words`` words ("Sở Tư pháp," counts; "Sở Tư pháp xem xét hồ sơ" does not). ``cap``: the
    word after the head is capitalised (a proper name: "Cục Việc làm", not "Cục trưởng")."""
    found: Counter[str] = Counter()
    pat = re.compile(rf"(?<![{UP}{LOW}]){head} ([^\n]{{2,200}})")
    for text in texts.values():
        for m in pat.finditer(text):
            rest = CUT.split(m.group(1).replace(" – ", " - "), maxsplit=1)[0]
            words = rest.split()
            if not words or len(words) > max_words or (len(rest) == len(m.group(1)) and len(rest) >= 190):
                continue
            if not all(re.fullmatch(WORD + r"|-", w) for w in words) or words[-1] in ("-", "và"):
                continue
            if cap and not words[0][0].isupper():
                continue
            found[f"{head} {' '.join(words)}"] += 1
    return found


def organs_by_abbr(phr: Counter[str], parts: Counter[str], letter: str, min_len: int) -> dict[str, str]:
    """Bộ Tài chính ↔ BTC: a whole "Bộ …" phrase (or its longest prefix) whose syllables' initials, behind
    ``letter``, spell a notation part seen at least twice in the corpus."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for phrase, n in phr.items():
        head, *words = phrase.split()
        for k in range(len(words), 0, -1):
            if words[k - 1] in ("-", "và"):
                continue
            ab = letter + initials(words[:k])
            if len(ab) >= min_len and parts.get(ab, 0) >= 2:
                out[ab][f"{head} {' '.join(words[:k])}"] += n
                break
    return {ab: c.most_common(1)[0][0] for ab, c in out.items()}


def titles(texts: dict[str, str], ministries: list[str]) -> Counter[str]:
    """Document titles: the line under a type heading ("QUYẾT ĐỊNH" / "Về việc …"), and the titles quoted
    after another document's number ("Thông tư số 05/2015/TT-BYT … của Bộ trưởng Bộ Y tế hướng dẫn …")."""
    out: Counter[str] = Counter()
    for text in texts.values():
        lines = [s.strip() for s in text.split("\n")]
        for i, line in enumerate(lines[:80]):
            if line in TYPE_HEADINGS and i + 1 < len(lines):
                out[lines[i + 1]] += 3
    # a quoted title starts as the titles under a heading start ("Quy định", "Hướng dẫn", "Về" …)
    starts = Counter(t.split()[0] for t in out if t)
    heads = {w for w, n in starts.items() if n >= 2 and re.fullmatch(CAP, w)}
    issuers = "|".join(
        re.escape(x)
        for x in sorted(
            ("Chính phủ", "Thủ tướng Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội", *ministries),
            key=len,
            reverse=True,
        )
    )
    after_issuer = re.compile(rf"(?:{TYPE_WORDS}) số [^\s,]+ ngày [\d/]+(?: tháng \d+ năm \d+)? của "
                              rf"(?:Bộ trưởng )?(?:{issuers}) ([{LOW}][^;:()\n]{{15,260}})")  # fmt: skip
    # the codification's notes: "(Điều 1 Nghị định số 13/2023/NĐ-CP Bảo vệ dữ liệu cá nhân ngày …"
    before_date = re.compile(rf"(?:{TYPE_WORDS}) số [^\s,]+ ([{UP}][^;:()\n]{{15,260}}?) ngày \d")
    for text in texts.values():
        for m in after_issuer.finditer(text):
            t = re.split(r",? (?:có hiệu lực|được sửa đổi|đã được)", m.group(1))[0].rstrip(" ,.")
            t = t[0].upper() + t[1:]
            if t.split()[0] in heads:
                out[t] += 1
        for m in before_date.finditer(text):
            t = m.group(1).rstrip(" ,.")
            if t.split()[0] in heads:
                out[t] += 1
    keep: Counter[str] = Counter()
    for t, n in out.items():
        t = FOOTNOTE.sub("", " ".join(t.split()))  # "… Quân đội1": a footnote's mark glued to the last word
        w = t.split()
        if not (5 <= len(w) <= 32) or re.search(r"[{}\[\]…_]|\.\.|/\d|\d{3,}/", t) or t.isupper():
            continue
        if not re.fullmatch(rf"[{UP}{LOW}0-9 ,\-–/%.]+", t) or w[-1] in FUNCTION | {"và", "về", "đối"}:
            continue
        keep[t] += n
    return keep


def letter_subjects(texts: dict[str, str]) -> Counter[str]:
    """A công văn's "V/v …" line, to the first heading, dotted run or bracket."""
    out: Counter[str] = Counter()
    for text in texts.values():
        for m in re.finditer(r"V/v ([^\n\[\]()…]{8,160})", text):
            t = re.split(r" CỘNG HÒA| \.{2,}|\.{2,}| Kính gửi|\s{2,}", m.group(1))[0].strip(" ,.")
            if len(t.split()) >= 3 and not re.search(r"\d{3,}|[{}]", t):
                out["V/v " + t] += 1
    return out


def report_subjects(texts: dict[str, str]) -> Counter[str]:
    """What a report reports: "báo cáo tình hình / kết quả …" phrases."""
    out: Counter[str] = Counter()
    pat = re.compile(
        rf"[Bb]áo cáo ((?:tình hình|kết quả|tổng kết|sơ kết|đánh giá) [{LOW}][^.;:()\n,]{{12,140}})"
    )
    for text in texts.values():
        for m in pat.finditer(text):
            t = " ".join(m.group(1).split())
            t = re.split(r" (?:theo|gửi|cho|về Bộ|định kỳ|trước ngày|tới|lên|với)\b", t)[0]
            if (
                4 <= len(t.split()) <= 20
                and not re.search(r"\d", t)
                and t.split()[-1] not in FUNCTION | {"đối"}
            ):
                out[t[0].upper() + t[1:]] += 1
    return out


def proper_after(texts: dict[str, str], head: str, words: tuple[int, int] = (1, 3)) -> Counter[str]:
    """Capitalised names after a lower-case ``head`` ("tỉnh Quảng Ninh", "đường Lê Lợi"), whole: not one
    another capitalised word goes on with ("xã Hoàng Văn Thụ" is no "Hoàng Văn"), nor one the same word
    follows more often than not ("… huyện Trưởng Công an …": "an" each time, a word cut)."""
    lo, hi = words
    pat = re.compile(
        rf"(?<![{UP}{LOW}]){head} ({CAP}(?: {CAP}){{{lo - 1},{hi - 1}}})(?![{UP}{LOW}0-9])(?! {CAP})"
        rf"(?: ([{UP}{LOW}]+))?"
    )
    found: Counter[str] = Counter()
    after: dict[str, Counter[str]] = defaultdict(Counter)
    for t in texts.values():
        for m in pat.finditer(t):
            found[m.group(1)] += 1
            after[m.group(1)][m.group(2) or ""] += 1
    cut = {
        k
        for k, c in after.items()
        if (w := c.most_common(1)[0])[0] not in {"", "và", *PLACE_HEADS, *FUNCTION}
        and w[1] * 2 > found[k] > 1
    }
    return Counter({k: v for k, v in found.items() if k not in cut and k != COUNTRY})


def full_name(texts: dict[str, str], name: str) -> str:
    """An organ's name as most of the texts go on with it after a comma, where no other organ's name follows
    it ("Cục Xuất bản, In và Phát hành"): whole words to the next punctuation, holding "và"; else ``name``."""
    pat = re.compile(re.escape(name) + rf", ((?:{WORD} )*và(?: {WORD})+)(?=[,;.():\n])")
    goes_on = Counter(
        m.group(1)
        for t in texts.values()
        for m in pat.finditer(t)
        if m.group(1).split()[0] not in ORGAN_HEADS and len(m.group(1).split()) <= 6
    )
    seen = sum(t.count(name) for t in texts.values())
    if goes_on and (best := goes_on.most_common(1)[0])[1] * 3 >= seen:
        return f"{name}, {best[0]}"
    return name


def syllables(corpus: Path) -> frozenset[str]:
    f = corpus / "syllables" / "vinlp_all-vietnamese-syllables.txt"
    return frozenset(tones(s.strip()).lower() for s in f.read_text(encoding="utf-8").split())


def top(counter: Counter[str], n: int, min_count: int = 1) -> list[str]:
    """The ``n`` most frequent (ties by text), at least ``min_count`` times, in text order."""
    best = sorted((k for k, c in counter.items() if c >= min_count), key=lambda k: (-counter[k], k))[:n]
    return sorted(best)


def build(corpus: Path) -> dict[str, object]:
    texts = read_corpus(corpus)
    syl = syllables(corpus)

    def vietnamese(name: str) -> bool:
        return all(w.lower() in syl for w in name.split())

    names = Counter({k: v for k, v in signer_names(texts).items() if vietnamese(k)})
    person = split_names(names)
    # a middle name of two syllables (but "Thị …") one signer alone bears is no name's part the corpus
    # shows twice ("Sinh Nhật"): left out
    middles = Counter(" ".join(n.split()[1:-1]) for n in names)
    for key in ("middle_m", "middle_f"):
        person[key] = [
            m for m in person.get(key, []) if len(m.split()) < 2 or m.startswith("Thị ") or middles[m] >= 2
        ]
    parts = notation_parts(texts)
    bo = phrases(texts, "Bộ", 10, cap=True)
    ministries = organs_by_abbr(bo, parts, "B", 3)
    # a ministry's name cut short ("Bộ Giáo dục" of "Bộ Giáo dục và Đào tạo"): left out
    ministries = {
        ab: m for ab, m in ministries.items() if not any(o.startswith(m + " ") for o in ministries.values())
    }
    cuc = Counter({k: v for k, v in phrases(texts, "Cục", 9, cap=True).items() if len(k.split()) >= 3})
    cuc_abbr = organs_by_abbr(cuc, parts, "", 2)
    # a Cục's name is proper words, none an abbreviation, not cut short (a prefix of a longer one kept)
    cuc = Counter(
        {k: v for k, v in cuc.items() if v >= 3 and not re.search(rf"\b[{UP}]+\b", k) and "tỉnh" not in k}
    )
    cuc = Counter({k: v for k, v in cuc.items() if not any(o.startswith(k + " ") for o in cuc)})
    # a Sở mirrors a ministry ("Bộ Y tế" → "Sở Y tế"): the ministries' Sở the corpus names
    so = phrases(texts, "Sở", 10, cap=True)
    depts = sorted({"Sở" + m.removeprefix("Bộ") for m in ministries.values()} & set(so))
    depts = [d for d in depts if not any(o.startswith(d + " ") for o in depts)]
    # the units a letter's notation or archive line names: a "Vụ …"/"Phòng …" (initials), and Văn phòng
    units = Counter({"VP": 1})
    for head in ("Vụ", "Phòng"):
        for k, v in phrases(texts, head, 8, cap=True).items():
            if v >= 3 and len(k.split()) >= 3 and not re.search(rf"\b[{UP}]{{2,}}\b", k):
                ab = initials(k.split()[1:])
                if len(ab) <= 5:
                    units[ab] += v

    def titled(head: str, min_words: int) -> Counter[str]:
        """Whole "Giấy phép …" phrases that name a licence: lower case after the head, no function word."""
        out: Counter[str] = Counter()
        for k, v in phrases(texts, head, 12).items():
            w = k.split()[len(head.split()) :]
            if len(k.split()) < min_words or not w[0].islower() or FUNCTION & set(w) or w[-1] == "và":
                continue
            out[k] = v
        return out

    licences = titled("Giấy phép", 4)
    certificates = titled("Giấy chứng nhận", 5)
    # which ministry a Cục works under: the issuer (the notation's last part) of the documents naming it most
    cuc_ministry: dict[str, Counter[str]] = defaultdict(Counter)
    agencies = top(cuc, 60, 3)
    # first where a ministry is named right after it ("Cục Cảnh sát giao thông, Bộ Công an"), weighted
    named = {m for m in ministries.values()}
    for text in texts.values():
        for c in agencies:
            for m in re.finditer(re.escape(c) + r"(?: thuộc|,| -| –)? (Bộ [^,;.()\n]{2,60})", text):
                after = next(
                    (b for b in sorted(named, key=len, reverse=True) if m.group(1).startswith(b)), None
                )
                if after:
                    cuc_ministry[c][after] += 10
    for text in texts.values():
        own = [m.group(1).split("-")[-1] for m in re.finditer(r"Số: ?\d+/(?:\d{4}/)?(\S+)", text[:3000])]
        if not own or own[0] not in ministries:
            continue
        for c in agencies:
            if c in text:
                cuc_ministry[c][ministries[own[0]]] += text.count(c)
    abbr_of = {name: ab for ab, name in cuc_abbr.items()}
    agencies = [full_name(texts, c) for c in agencies]

    def proper(head: str, lo: int) -> Counter[str]:
        """Whole "tỉnh Quảng Ninh" phrases: ``lo``-3 capitalised Vietnamese syllables after the head."""
        out: Counter[str] = Counter()
        for k, v in phrases(texts, head, 3, cap=True).items():
            name = k.removeprefix(head + " ")
            if re.fullmatch(rf"{CAP}(?: {CAP}){{{lo - 1},2}}", name) and vietnamese(name):
                out[name] = v
        return out

    provinces = proper("tỉnh", 2)
    cities = proper("thành phố", 1)
    places: Counter[str] = Counter()
    for head in ("xã", "phường", "huyện", "quận", "thị xã"):
        places.update({k: v for k, v in proper_after(texts, head, (2, 2)).items() if vietnamese(k)})
    streets: Counter[str] = Counter()
    for k, v in phrases(texts, "đường", 4, cap=True).items():
        name = k.split(" ", 1)[1]
        if re.fullmatch(rf"{CAP}(?: {CAP}){{1,3}}", name) and vietnamese(name) and name not in cities:
            streets[name] += v
    # one Cục an abbreviation (its name's variants, "Cục Quan hệ lao động - Tiền lương" / "… và Tiền lương":
    # the more frequent)
    # and none a notation's type ("Cục Trồng trọt" TT: a Thông tư's), the extractor's or a heading's
    from digitize.pipeline.fields.vocab import NOTATION_TYPES

    types = set(NOTATION_TYPES) | {initials(t.split()) for t in TYPE_WORDS.split("|")}
    by_abbr: dict[str, str] = {}
    for c in sorted(agencies, key=lambda c: (-cuc[c.split(",")[0]], c)):
        short = c.split(",")[0]  # the name as the counts know it, before a comma it goes on after
        if cuc_ministry.get(short):
            ab = abbr_of.get(c, initials(c.replace(",", "").split()[1:]))
            if ab not in types:
                by_abbr.setdefault(ab, c)
    agency_rows = [
        [c, ab, cuc_ministry[c.split(",")[0]].most_common(1)[0][0]]
        for ab, c in sorted(by_abbr.items(), key=lambda x: x[1])
    ]
    all_titles = titles(texts, sorted(ministries.values()))
    # a company's legal form as the texts spell it ("Công ty trách nhiệm hữu hạn một thành viên")
    forms = Counter(
        m.group(0)
        for t in texts.values()
        for m in re.finditer(
            r"Công ty (?:trách nhiệm hữu hạn(?: (?:một|hai) thành viên)?|cổ phần|hợp danh)\b", t
        )
    )
    return {
        "source": "../shared/corpus (congbao, phapdien): derived lists only, see tools/build_corpus_pools.py",
        "signers": len(names),
        **person,
        "ministries": [[ab, ministries[ab]] for ab in sorted(ministries)],
        # [name, abbreviation (the corpus's notation part, or the name's initials), ministry]
        "agencies": agency_rows,
        "depts": [[d, "S" + initials(d.split()[1:])] for d in depts],
        "units": top(units, 30, 3),
        "company_forms": top(forms, 6, 3),
        "licences": top(licences, 80, 2),
        "certificates": top(certificates, 80, 2),
        "provinces": top(provinces, 60, 3),
        "cities": top(cities, 20, 3),
        "places": top(places, 80, 2),
        "streets": top(streets, 60, 1),
        "titles": top(all_titles, 400, 1),
        "letter_subjects": top(letter_subjects(texts), 80, 1),
        "report_subjects": top(report_subjects(texts), 80, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=REPO.parent.parent / "shared" / "corpus")
    ap.add_argument("-o", "--out", type=Path, default=REPO / "samples" / "data" / "corpus_pools.json")
    a = ap.parse_args()
    if not a.corpus.is_dir():
        a.corpus = Path("/work/shared/corpus")
    pools = build(a.corpus)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(pools, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    for k, v in pools.items():
        print(f"{k}: {len(v) if isinstance(v, list) else v}")


if __name__ == "__main__":
    main()
