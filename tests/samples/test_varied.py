"""The varied generator: each axis does what it says, the dev and eval families never meet, the ground truth
is what is drawn, and a seed gives the same document."""

from __future__ import annotations

import itertools
import json
import random
import re
import unicodedata
from dataclasses import fields as dc_fields
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from samples import generate as g
from samples import stacks, varied
from samples.axes import (
    DRAWN_HEADERS,
    FAMILY_SEED_BASE,
    MARGINS_PT,
    VARIED_KINDS,
    Axes,
    Colour,
    Family,
    Font,
    Header,
    Margins,
    Photo,
    Seal,
    SignForm,
    Tail,
    draw_axes,
    draw_balanced,
    pools,
    sign_forms_for,
)
from samples.generate import FIELD_KEYS, write_set
from samples.varied import make_varied_content, make_varied_document, scanned_pages, write_varied

DPI = 72  # small renders: the tests look at geometry and ink, not at OCR


def doc_of(seed: int = 5, family: str = "dev", **kw: object) -> g.SampleDoc:
    ax = Axes(**{"dpi": DPI, **kw})  # type: ignore[arg-type]
    return make_varied_document(seed, family, ax)


def _nfc(s: str) -> bool:
    return unicodedata.normalize("NFC", s) == s


def _run_box(run: g.Run) -> tuple[float, float, float, float]:
    w = g.text_width(run.text, run.style, run.size, run.font)
    return run.x, run.y - run.size * 0.8, run.x + w, run.y + run.size * 0.25


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _graphic_box(gr: g.Graphic) -> tuple[float, float, float, float]:
    return gr.x, gr.y, gr.x + gr.w, gr.y + gr.h


def _signed_page(doc: g.SampleDoc) -> g.PageLayout:
    return next(p for p in doc.layout.pages if any(gr.kind == "signature" for gr in p.graphics))


def _name_run(doc: g.SampleDoc) -> g.Run:
    return next(r for r in _signed_page(doc).runs if r.text == doc.fields["signer_name"])


# --------------------------------------------------------------------------------------------- families


def test_pools_of_the_families_are_disjoint() -> None:
    dev, ev = pools("dev"), pools("eval")
    for f in dc_fields(dev):
        if f.name == "family" or f.name == "company_forms":
            continue
        a, b = getattr(dev, f.name), getattr(ev, f.name)
        if f.name == "depts" or f.name == "agencies":
            assert not {x.name for x in a} & {x.name for x in b}, f.name
            assert not {lic for x in a for lic in x.licences} & {lic for x in b for lic in x.licences}
        else:
            assert not set(a) & set(b), f.name
        for s in a + b if isinstance(a[0], str) else ():
            assert _nfc(s)


def test_alt_pools_share_nothing_with_eval_and_only_provinces_with_dev() -> None:
    alt, dev, ev = pools("alt"), pools("dev"), pools("eval")
    for f in dc_fields(alt):
        if f.name in ("family", "company_forms"):
            continue
        a = getattr(alt, f.name)
        assert len(a) >= (2 if f.name in ("agencies", "middle_f") else 3), f.name  # not filtered to nothing
        for other in (ev, dev) if f.name != "provinces" else (ev,):
            b = getattr(other, f.name)
            if f.name in ("depts", "agencies"):
                assert not {x.name for x in a} & {x.name for x in b}, f.name
                assert not {t for x in a for t in x.licences + x.certificates} & {
                    t for x in b for t in x.licences + x.certificates
                }
            else:
                assert not set(a) & set(b), f.name
    # its organs are new in the ways that matter to the extractor: a Đ in the abbreviation, long names
    assert any("Đ" in d.abbr for d in alt.depts)
    assert any(len(a.name.split()) >= 5 for a in alt.agencies)


def test_an_alt_document_draws_from_alt_pools() -> None:
    doc = make_varied_document(5, "alt", Axes(kind="quyet_dinh", dpi=DPI))
    alt = pools("alt")
    assert doc.family == "alt"
    surname = doc.fields["signer_name"].split()[0]
    assert surname in alt.surnames


@pytest.mark.parametrize("font", list(Font))
def test_the_header_cells_never_touch(font: Font) -> None:
    """A real header is a table of two cells: the organ's lines never run into the motto beside them, in any
    font under any margins (a wide font under wide margins drew "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂNCỘNG HÒA")."""
    for margins in Margins:
        for header, family in itertools.product(DRAWN_HEADERS, ("dev", "alt")):
            for seed in range(6):
                ax = Axes(kind="chi_thi", header=header, font=font, margins=margins, dpi=DPI)
                content, _ = make_varied_content(ax, varied.family_seed(family, seed), family)
                look = g.Look(font=str(font), margins=MARGINS_PT[margins])
                page = g.layout(content, 1, look).pages[0]
                top = [r for r in page.runs if r.y < 120]
                left = [r for r in top if r.text in content.header_left]
                motto = [r for r in top if r.text in g.MOTTO]
                assert left and len(motto) == 2
                for a in left:
                    a_end = a.x + g.text_width(a.text, a.style, a.size, a.font)
                    for b in motto:
                        if abs(a.y - b.y) < a.size:  # same row
                            assert a_end + 8 <= b.x, (a.text, b.text, font, margins)


def test_eval_pools_are_new_to_the_fixed_generator() -> None:
    # what the extractor was first built on (samples.generate's fixed lists) never shows up in eval
    ev = pools("eval")
    assert not set(ev.provinces) & {p for p, _level, _mst in g.PROVINCES}
    assert not {d.name for d in ev.depts} & {o.name for o in g.ORGANS}
    assert not set(ev.given_m + ev.given_f) & set(g.GIVEN_M + g.GIVEN_F)
    assert not set(ev.middle_m + ev.middle_f) & set(g.MIDDLE_M + g.MIDDLE_F)
    assert not set(ev.company_brands) & set(g.COMPANY_BRANDS) and not set(ev.streets) & set(g.STREETS)
    fixed_titles = {t.casefold() for o in g.ORGANS for t in o.licences + o.certificates}
    for d in ev.depts:
        for title in d.licences + d.certificates:
            rest = title.removeprefix("Giấy chứng nhận ").removeprefix("Giấy phép ")
            assert rest != title and rest.casefold() not in fixed_titles


def test_documents_of_the_two_families_share_no_drawn_value() -> None:
    seen: dict[str, dict[str, set[str]]] = {"dev": {}, "eval": {}}
    for fam in ("dev", "eval"):
        for i in range(60):
            ax = draw_axes(random.Random(f"t:{fam}:{i}"), VARIED_KINDS[i % len(VARIED_KINDS)])
            content, extras = make_varied_content(ax, varied.family_seed(fam, i), fam)
            for key in ("signer_name", "organ_name", "place", "subject", "holder_name", "holder_id"):
                v = content.fields[key]
                if v and not (key == "place" and v == "Hà Nội"):  # every ministry's Cục sits in Hà Nội
                    seen[fam].setdefault(key, set()).add(v)
            seen[fam].setdefault("signer_name", set()).update(extras["annex_names"])
    for key, values in seen["dev"].items():
        assert not values & seen["eval"].get(key, set()), key
    assert len(seen["eval"]["signer_name"]) > 40  # the pools are not tiny


def test_family_seeds_never_meet() -> None:
    assert FAMILY_SEED_BASE[Family.EVAL] - FAMILY_SEED_BASE[Family.DEV] > 1_000_000 * 5
    a = make_varied_document(3, "dev", Axes(kind="cong_van", dpi=DPI))
    b = make_varied_document(3, "eval", Axes(kind="cong_van", dpi=DPI))
    assert a.seed != b.seed and a.fields != b.fields
    assert (a.family, b.family) == ("dev", "eval")
    with pytest.raises(ValueError):
        make_varied_document(3, "test", Axes(dpi=DPI))


def test_stacks_use_the_same_families() -> None:
    specs = stacks.random_specs(1, n_docs=3, family="eval")
    assert {s.family for s in specs} == {"eval"}
    assert not {s.seed for s in specs} & {s.seed for s in stacks.random_specs(1, n_docs=3, family="dev")}
    doc_fields = []
    for s in specs[:1]:
        stack = stacks.build_stack([s], seed=1, dpi=60)
        assert stack.pages and stack.kinds == (s.kind,)
        doc_fields.append(s.kind)
    with pytest.raises(ValueError):
        stacks.random_specs(1, family="prod")


# --------------------------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("family", ["dev", "eval"])
def test_deterministic_per_seed(family: str) -> None:
    a = make_varied_document(21, family)
    b = make_varied_document(21, family)
    c = make_varied_document(22, family)
    assert a.axes == b.axes and a.fields == b.fields and a.text == b.text
    # the pixels too (at a small resolution, photo effects included)
    photo = Axes(**{**a.axes.__dict__, "dpi": 100, "photo": Photo.PERSPECTIVE})  # type: ignore[union-attr]
    a = make_varied_document(21, family, photo)
    b = make_varied_document(21, family, photo)
    assert a.axes == b.axes and a.fields == b.fields and a.text == b.text
    pa, pb = scanned_pages(a), scanned_pages(b)
    assert all(np.array_equal(np.asarray(x), np.asarray(y)) for x, y in zip(pa, pb, strict=True))
    assert (a.fields, a.text) != (c.fields, c.text)


def test_axes_are_drawn_independently_and_cover_every_value() -> None:
    rng = random.Random(7)
    draws = [draw_axes(rng) for _ in range(400)]
    for f in dc_fields(Axes):
        values = {getattr(d, f.name) for d in draws}
        assert len(values) >= 2, f.name
    assert {d.colour for d in draws} == set(Colour) and {d.photo for d in draws} == set(Photo)
    assert {d.tail for d in draws} == set(Tail) and {d.sign for d in draws} == set(SignForm)
    assert {d.kind for d in draws} == set(VARIED_KINDS)
    # TM. only where a collective body signs; otherwise the axes do not constrain each other
    assert all(d.header is Header.ONE_ORGAN for d in draws if d.sign in (SignForm.TM, SignForm.TM_KT))
    assert SignForm.TM not in sign_forms_for(Header.PARENT)
    bitonal = [d for d in draws if d.colour is Colour.BITONAL]
    assert {d.seal for d in bitonal} == set(Seal) and {d.dpi for d in bitonal} == {200, 300}


def test_a_small_set_covers_every_axis_value() -> None:
    plan = draw_balanced(14, random.Random(3))
    assert [a.kind for a in plan] == list(VARIED_KINDS) * 2
    for axis, values in (
        ("colour", Colour),
        ("seal", Seal),
        ("header", DRAWN_HEADERS),  # COURT only where asked for (failure kinds): the measured sets unchanged
        ("font", Font),
        ("margins", Margins),
    ):
        counts = {v: sum(getattr(a, axis) is v for a in plan) for v in values}
        assert min(counts.values()) >= 14 // len(values), (axis, counts)
    assert {a.dpi for a in plan} == {200, 300} and {a.photo for a in plan} == set(Photo)
    assert {a.tail for a in plan} == set(Tail) and {a.stamp for a in plan} == {True, False}
    assert all(a.sign in sign_forms_for(a.header) for a in plan)
    assert draw_balanced(14, random.Random(3)) == plan
    # independent: no axis is a function of another over the set
    assert len({(a.colour, a.seal) for a in plan}) > 3


# --------------------------------------------------------------------------------------------- ground truth


@pytest.mark.parametrize("family", ["dev", "eval"])
def test_ground_truth_is_what_is_drawn(family: str) -> None:
    for i in range(14):
        kind = VARIED_KINDS[i % len(VARIED_KINDS)]
        ax = draw_axes(random.Random(f"gt:{family}:{i}"), kind)
        doc = make_varied_document(i, family, Axes(**{**ax.__dict__, "dpi": DPI}))
        f = doc.fields
        assert set(f) == set(FIELD_KEYS)
        assert all(v is None or (v == v.strip() and _nfc(v)) for v in f.values())
        texts = doc.page_texts
        first = texts[0]
        assert f"Số: {f['code_number']}/{f['code_notation']}" in first
        assert re.search(
            rf"{re.escape(f['place'] or '')}, ngày \d+ tháng \d+ năm {f['issued_date'][:4]}", first
        )
        signed = next(t for t in texts if f["signer_name"] in t.split("\n"))
        assert texts.index(signed) == len(texts) - 1 - (doc.axes.tail is not Tail.NONE)
        if f["parent_organ"]:
            assert first.split("\n")[0] == f["parent_organ"].upper() or f["parent_organ"].upper().startswith(
                first.split("\n")[0]
            )
        flat = " ".join(first.split("\n"))
        subject = f["subject"] or ""
        if kind in ("giay_phep", "giay_chung_nhan"):
            assert subject.startswith(f["type_name"] or "")  # the full title (CONTRACT)
            assert subject.upper().removeprefix((f["type_name"] or "").upper()).strip() in flat
        else:
            assert subject in flat or subject.upper() in flat
        if f["holder_id"]:
            assert f["holder_id"] in " ".join(texts)
            if len(f["holder_id"]) != 12:  # a tax code: its 10th digit checks the first nine
                digits = f["holder_id"][:10]
                weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
                assert 10 - sum(w * int(d) for w, d in zip(weights, digits, strict=False)) % 11 == int(
                    digits[9]
                )
        for key in ("issued_date", "valid_from", "valid_until"):
            if f[key]:
                g.dt.date.fromisoformat(f[key])


# --------------------------------------------------------------------------------------------- each axis


def test_colour_modes_and_resolutions() -> None:
    for colour, mode in ((Colour.COLOUR, "RGB"), (Colour.GREY, "L"), (Colour.BITONAL, "1")):
        for dpi in (200, 300):
            doc = make_varied_document(4, "dev", Axes(kind="cong_van", colour=colour, dpi=dpi))
            (img,) = scanned_pages(doc)
            assert img.mode == mode and img.info["dpi"] == (dpi, dpi)
            assert abs(img.width - g.PAGE_W * dpi / 72) < 2
            arr = np.asarray(img.convert("RGB")).astype(int)
            red = (arr[..., 0] - arr[..., 2] > 60).sum()
            assert (red > 500) == (colour is Colour.COLOUR)  # the seal is red only in colour
    bitonal = np.asarray(scanned_pages(doc)[0].convert("L"))
    assert set(np.unique(bitonal)) <= {0, 255}


def test_seal_over_the_name_beside_it_or_faint() -> None:
    over = doc_of(seal=Seal.OVER_NAME)
    beside = doc_of(seal=Seal.BESIDE)
    faint = doc_of(seal=Seal.FAINT)

    def seal_of(d: g.SampleDoc) -> g.Graphic:
        return next(gr for gr in _signed_page(d).graphics if gr.kind == "seal")

    assert _overlaps(_graphic_box(seal_of(over)), _run_box(_name_run(over)))
    assert not _overlaps(_graphic_box(seal_of(beside)), _run_box(_name_run(beside)))
    assert _overlaps(_graphic_box(seal_of(faint)), _run_box(_name_run(faint)))
    assert seal_of(faint).strength < 0.5 <= seal_of(over).strength

    def redness(d: g.SampleDoc) -> float:
        gr = seal_of(d)
        s = DPI / 72
        arr = np.asarray(d.pages[-1]).astype(int)
        box = arr[int(gr.y * s) : int((gr.y + gr.h) * s), int(gr.x * s) : int((gr.x + gr.w) * s)]
        return float((box[..., 0] - box[..., 1]).clip(0).mean())

    assert redness(faint) < 0.7 * redness(over)


def test_headers() -> None:
    one = doc_of(header=Header.ONE_ORGAN, sign=SignForm.TM)
    assert one.layout.text_lines[0][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH " + one.fields["place"].upper()] or (
        one.layout.text_lines[0][1].startswith("THÀNH PHỐ")
    )
    assert one.fields["parent_organ"] is None and one.fields["organ_name"].startswith("Ủy ban nhân dân ")
    assert one.fields["code_notation"].endswith("-UBND")
    ministry = doc_of(header=Header.MINISTRY)
    assert ministry.fields["parent_organ"].startswith("Bộ ") and ministry.fields["organ_name"].startswith(
        "Cục "
    )
    assert ministry.layout.text_lines[0][0].startswith("BỘ ")
    parent = doc_of(header=Header.PARENT)
    assert parent.fields["parent_organ"].startswith("UBND ") and parent.fields["organ_name"].startswith("Sở ")


@pytest.mark.parametrize(
    ("form", "header", "first", "title"),
    [
        (SignForm.DIRECT, Header.PARENT, "GIÁM ĐỐC", "Giám đốc"),
        (SignForm.KT, Header.PARENT, "KT. GIÁM ĐỐC", "Phó Giám đốc"),
        (SignForm.Q, Header.MINISTRY, "Q. CỤC TRƯỞNG", "Quyền Cục trưởng"),
        (SignForm.TL, Header.ONE_ORGAN, "TL. CHỦ TỊCH", "Chánh Văn phòng"),
        (SignForm.TM, Header.ONE_ORGAN, "TM. ỦY BAN NHÂN DÂN", "Chủ tịch"),
        (SignForm.TM_KT, Header.ONE_ORGAN, "TM. ỦY BAN NHÂN DÂN", "Phó Chủ tịch"),
    ],
)
def test_signature_forms(form: SignForm, header: Header, first: str, title: str) -> None:
    doc = doc_of(sign=form, header=header)
    lines = doc.page_texts[-1].split("\n")
    assert first in lines
    i = lines.index(first)
    assert lines[lines.index(doc.fields["signer_name"]) - 1] != first or form in (SignForm.DIRECT, SignForm.Q)
    assert doc.fields["signer_title"] == title and i < lines.index(doc.fields["signer_name"])
    if form is SignForm.TL:
        assert "CHÁNH VĂN PHÒNG" in lines


def test_tail_pages() -> None:
    plain = doc_of(tail=Tail.NONE, kind="quyet_dinh")
    annex = doc_of(tail=Tail.ANNEX, kind="quyet_dinh")
    blank = doc_of(tail=Tail.BLANK_SEAL, kind="quyet_dinh")
    receipt = doc_of(tail=Tail.RECEIPT, kind="quyet_dinh")
    n = len(plain.pages)
    assert len(annex.pages) == len(blank.pages) == len(receipt.pages) == n + 1
    f = annex.fields
    last = annex.page_texts[-1]
    assert (
        "PHỤ LỤC" in last
        and f"Kèm theo Quyết định số {f['code_number']}/{f['code_notation']}" in " ".join(last.split("\n"))
    )
    assert f["signer_name"] not in last and re.search(
        r"Ông/Bà \w+", last
    )  # other people, and a name at its foot
    assert not any(gr.kind == "signature" for gr in annex.layout.pages[-1].graphics)
    bl = blank.layout.pages[-1]
    assert not bl.runs and [gr.kind for gr in bl.graphics] == ["seal"] and bl.graphics[0].strength < 0.5
    ink = np.asarray(blank.pages[-1].convert("L")) < 245  # faint: lighter than any print
    assert 0 < ink.mean() < 0.05
    rc = receipt.layout.pages[-1]
    assert receipt.page_texts[-1].startswith("Nơi nhận:") and not rc.graphics


def test_incoming_stamp() -> None:
    doc = doc_of(stamp=True, kind="to_trinh", colour=Colour.COLOUR)
    page = doc.layout.pages[0]
    (stamp,) = [gr for gr in page.graphics if gr.kind == "stamp"]
    number, date, _to = stamp.label.split("|")
    assert number != doc.fields["code_number"] and re.fullmatch(r"\d+/\d+/\d\d", date)
    number_run = next(r for r in page.runs if r.text.startswith("Số:"))
    assert not _overlaps(_graphic_box(stamp), _run_box(number_run))  # the document's number stays legible
    assert stamp.y < 300  # in the header area
    plain = doc_of(stamp=False, kind="to_trinh", colour=Colour.COLOUR)
    assert not [gr for gr in plain.layout.pages[0].graphics if gr.kind == "stamp"]
    s = DPI / 72
    box = (
        slice(int(stamp.y * s), int((stamp.y + stamp.h) * s)),
        slice(int(stamp.x * s), int((stamp.x + stamp.w) * s)),
    )
    a = np.asarray(doc.pages[0].convert("L"))[box]
    b = np.asarray(plain.pages[0].convert("L"))[box]
    assert (a < 200).sum() > (b < 200).sum() + 30


def test_handwritten_number_and_date() -> None:
    doc = make_varied_document(8, "eval", Axes(kind="quyet_dinh", handwritten=True, dpi=150))
    page = doc.layout.pages[0]
    f = doc.fields
    hands = [gr for gr in page.graphics if gr.kind == "hand"]
    day, month = str(int(f["issued_date"][8:])), str(int(f["issued_date"][5:7]))
    assert [h.label for h in hands] == [f["code_number"], day, month]
    printed = " ".join(r.text for r in page.runs)
    assert f"{f['code_number']}/" not in printed and "/" + f["code_notation"] in printed
    assert not re.search(rf"ngày 0?{day} tháng", printed)
    assert f"Số: {f['code_number']}/{f['code_notation']}" in doc.page_texts[0]  # what a reader reads
    s = 150 / 72
    arr = np.asarray(doc.pages[0]).astype(int)
    for h in hands:
        box = arr[int(h.y * s) : int((h.y + h.h) * s), int(h.x * s) : int((h.x + h.w) * s)]
        blue = (box[..., 2] - box[..., 0] > 40).sum()
        assert blue > 20  # pen ink in every blank


def test_fonts_and_margins() -> None:
    a = doc_of(font=Font.LIBERATION_SERIF, margins=Margins.STANDARD, kind="chi_thi")
    b = doc_of(font=Font.DEJAVU_SANS, margins=Margins.NARROW, kind="chi_thi")
    assert {r.font for p in a.layout.pages for r in p.runs} == {"liberation_serif"}
    assert {r.font for p in b.layout.pages for r in p.runs} == {"dejavu_sans"}
    assert min(r.x for r in a.layout.pages[0].runs if r.size == g.BODY_SIZE) == pytest.approx(85.0)
    assert min(r.x for r in b.layout.pages[0].runs if r.size == g.BODY_SIZE) == pytest.approx(60.0)
    assert a.fields == b.fields  # the look changes, not what the document says


@pytest.mark.parametrize("kind", VARIED_KINDS)
def test_kinds(kind: str) -> None:
    doc = doc_of(kind=kind)
    names = {
        "quyet_dinh": "Quyết định",
        "chi_thi": "Chỉ thị",
        "bao_cao": "Báo cáo",
        "to_trinh": "Tờ trình",
        "cong_van": "Công văn",
        "giay_phep": "Giấy phép",
        "giay_chung_nhan": "Giấy chứng nhận",
    }
    assert doc.fields["type_name"] == names[kind]
    if kind != "cong_van":
        assert names[kind].upper() in doc.page_texts[0].split("\n")
    else:
        # printed "V/v …"; its subject is the text after "V/v" (CONTRACT)
        assert "V/v " in doc.page_texts[0] and not (doc.fields["subject"] or "V/v").startswith("V/v")
    if kind in ("giay_phep", "giay_chung_nhan"):
        assert doc.fields["holder_name"] and doc.fields["valid_until"]
    if kind in ("chi_thi", "bao_cao", "to_trinh", "cong_van"):
        assert doc.fields["holder_name"] is None and doc.fields["valid_until"] is None


def test_photo_degradations() -> None:
    base = Axes(kind="cong_van", dpi=150)
    scan = scanned_pages(make_varied_document(2, "dev", base))[0]
    photos = {
        p: scanned_pages(make_varied_document(2, "dev", Axes(**{**base.__dict__, "photo": p})))[0]
        for p in (Photo.BLUR, Photo.LOW_LIGHT, Photo.PERSPECTIVE)
    }
    for img in photos.values():
        assert "dpi" not in img.info and img.mode == "RGB"  # a phone records no resolution

    def sharpness(img: Image.Image) -> float:
        a = np.asarray(img.convert("L").resize((600, 850))).astype(float)
        return float(np.abs(np.diff(a, axis=1)).mean())

    assert sharpness(photos[Photo.BLUR]) < 0.6 * sharpness(scan)
    assert (
        np.asarray(photos[Photo.LOW_LIGHT].convert("L")).mean() < 0.65 * np.asarray(scan.convert("L")).mean()
    )
    persp = np.asarray(photos[Photo.PERSPECTIVE].convert("L")).astype(float)
    corners = [persp[:20, :20], persp[:20, -20:], persp[-20:, :20], persp[-20:, -20:]]
    assert all(c.mean() < 200 for c in corners)  # the desk, not the paper
    assert persp[persp.shape[0] // 2, persp.shape[1] // 2] > 150  # the page in the middle


# --------------------------------------------------------------------------------------------- files


def test_write_set_with_a_family(tmp_path: Path) -> None:
    paths = write_set(tmp_path, 4, 3, family="eval")
    assert len(paths) == 4
    for p in paths:
        gt = json.loads(g.gt_path_for(p).read_text(encoding="utf-8"))
        assert gt["family"] == "eval" and set(gt["axes"]) == {f.name for f in dc_fields(Axes)}
        assert set(gt["fields"]) == set(FIELD_KEYS)
        if gt["pages"] > 1:
            assert p.suffix in (".tif", ".pdf")
        if p.suffix != ".pdf":
            with Image.open(p) as im:
                assert getattr(im, "n_frames", 1) == gt["pages"]
    again = write_set(tmp_path / "again", 4, 3, family="eval")
    assert [p.name for p in again] == [p.name for p in paths]
    for a, b in zip(again, paths, strict=True):  # a PDF carries its creation time; the rest is byte-exact
        assert a.suffix == ".pdf" or a.read_bytes() == b.read_bytes()
        assert g.gt_path_for(a).read_text(encoding="utf-8") == g.gt_path_for(b).read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        write_set(tmp_path / "x", 1, 3, family="prod")


def test_write_varied_formats(tmp_path: Path) -> None:
    for colour, suffix in ((Colour.COLOUR, ".jpg"), (Colour.GREY, ".png"), (Colour.BITONAL, ".tif")):
        doc = make_varied_document(1, "dev", Axes(kind="cong_van", colour=colour, dpi=100))
        path = write_varied(doc, tmp_path / str(colour))
        assert path.suffix == suffix
        with Image.open(path) as im:
            assert round(im.info["dpi"][0]) == 100


def test_a_set_forced_to_one_photo_defect(tmp_path: Path) -> None:
    """``write_set(..., photo="blur")`` (``BENCH_FAMILIES_PHOTO``): every document a shaken photo, the rest of
    its axes as the balanced plan drew them."""
    plain = write_set(tmp_path / "plain", 4, 5, family="dev")
    blurred = write_set(tmp_path / "blur", 4, 5, family="dev", photo="blur")
    ax_plain = [json.loads(p.with_suffix(".gt.json").read_text())["axes"] for p in plain]
    ax_blur = [json.loads(p.with_suffix(".gt.json").read_text())["axes"] for p in blurred]
    assert {a["photo"] for a in ax_blur} == {"blur"}
    assert {a["photo"] for a in ax_plain} != {"blur"}
    for a, b in zip(ax_plain, ax_blur, strict=True):
        assert {k: v for k, v in a.items() if k != "photo"} == {k: v for k, v in b.items() if k != "photo"}


def test_parse_fixed_types_the_axes_and_refuses_what_is_not_one() -> None:
    from samples.axes import Seal, parse_fixed

    got = parse_fixed(" colour=bitonal, handwritten=yes,seal=over_name,dpi=200,stamp=no ")
    assert got == {
        "colour": Colour.BITONAL,
        "handwritten": True,
        "seal": Seal.OVER_NAME,
        "dpi": 200,
        "stamp": False,
    }
    assert parse_fixed("") == {}
    for bad in (
        "colour=purple",
        "handwritten=maybe",
        "dpi=150",
        "kind=novel",
        "shoe=red",
        "colour",
        "dpi=200,dpi=300",
    ):
        with pytest.raises(ValueError):
            parse_fixed(bad)


def test_a_set_with_axes_fixed_holds_them_in_every_document(tmp_path: Path) -> None:
    from samples.axes import Header, SignForm, parse_fixed
    from samples.varied import write_family_set

    fixed = parse_fixed("colour=bitonal,handwritten=yes,dpi=200,sign=tm,photo=none")
    paths = write_family_set(tmp_path, 4, 5, "dev", fixed=fixed)
    assert len(paths) == 4
    for p in paths:
        axes = json.loads(p.with_name(p.name.split(".")[0] + ".gt.json").read_text())["axes"]
        assert (axes["colour"], axes["handwritten"], axes["dpi"]) == ("bitonal", "yes", "200")
        # TM. only under a collective body's header; elsewhere the KT./direct fallback
        assert (axes["sign"] == SignForm.TM) == (axes["header"] == Header.ONE_ORGAN), axes


def test_fit_sign_keeps_an_allowed_form_and_falls_back_from_tm_under_a_department() -> None:
    from samples.axes import Header, SignForm, fit_sign, sign_forms_for

    for header in Header:
        for form in SignForm:
            got = fit_sign(form, header)
            assert got in sign_forms_for(header)
            if form in sign_forms_for(header):
                assert got is form
    assert fit_sign(SignForm.TM, Header.PARENT) is SignForm.DIRECT
    assert fit_sign(SignForm.TM_KT, Header.MINISTRY) is SignForm.KT
