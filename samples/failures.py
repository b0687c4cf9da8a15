"""The failure kinds of issue #17, generated: each a document of the varied generator whose axes (and, for
three kinds, a mark drawn on the scan) reproduce what real documents did to the extractor.

    doc, images = make_failure("grey_seal_over_name", seed=3)       # dev family by default
    path = write_failure("annex_after_signature", 3, Path("out/x"))  # file + .gt.json

``FAILURE_KINDS`` names them; ``python -m samples.failures OUT [--family dev] [--seeds 1,2,3]`` writes all.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw

from samples import generate as g
from samples.axes import Axes, Colour, Family, Header, Seal, SignForm, Tail
from samples.varied import make_varied_document, scanned_pages


@dataclass(frozen=True)
class FailureKind:
    name: str
    what: str  # the failure, in the words
    axes: Axes
    mark: Callable[[g.SampleDoc, list[Image.Image], int], None] | None = None  # drawn on the scans


def _signed_index(doc: g.SampleDoc) -> int:
    return next(i for i, p in enumerate(doc.layout.pages) if any(gr.kind == "signature" for gr in p.graphics))


def _find_run(doc: g.SampleDoc, page: int, starts: str) -> g.Run:
    return next(r for r in doc.layout.pages[page].runs if r.text.startswith(starts))


def _scale(img: Image.Image) -> float:
    return float(img.info.get("dpi", (72, 72))[0]) / 72.0


def _ink(img: Image.Image) -> tuple[int, ...] | int:
    return {"1": 0, "L": 25}.get(img.mode, (25, 25, 30))


def name_specks(doc: g.SampleDoc, images: list[Image.Image], seed: int) -> None:
    """OCR noise in the name line: a speck before the name and a dot-pair after the family name (as dust
    and the seal's rim leave them: "Phạm: Đức Tuấn", ". Võ Văn ...")."""
    i = _signed_index(doc)
    run = _find_run(doc, i, doc.fields["signer_name"] or "\0")
    img = images[i]
    s = _scale(img)
    d = ImageDraw.Draw(img)
    rng = random.Random(f"specks:{seed}")
    r = max(1.5, 1.1 * s)
    x0 = (run.x - rng.uniform(5, 9)) * s
    y0 = (run.y - run.size * rng.uniform(0.15, 0.4)) * s
    d.ellipse((x0 - r, y0 - r, x0 + r, y0 + r), fill=_ink(img))
    surname = (doc.fields["signer_name"] or "").split()[0]
    xs = (run.x + g.text_width(surname, run.style, run.size, run.font) + 1.2) * s
    for dy in (0.15, 0.45):  # a colon
        yc = (run.y - run.size * dy) * s
        d.ellipse((xs - r, yc - r, xs + r, yc + r), fill=_ink(img))


def tax_code_boxes(doc: g.SampleDoc, images: list[Image.Image], seed: int) -> None:
    """The tax code written into a row of printed cells (a form's "Mã số thuế" boxes): the cell walls sit
    right after the digits, where OCR reads them as stray "1"s."""
    tax = doc.fields["holder_id"] or ""
    for i, page in enumerate(doc.layout.pages):
        for run in page.runs:
            if tax and tax in run.text:
                img = images[i]
                s = _scale(img)
                d = ImageDraw.Draw(img)
                start = run.text.index(tax)
                x = run.x + g.text_width(run.text[:start], run.style, run.size, run.font)
                top, bottom = (run.y - run.size * 0.95) * s, (run.y + run.size * 0.3) * s
                lw = max(1, round(0.7 * s))
                for k in range(len(tax) + 1):
                    xk = x + g.text_width(tax[:k], run.style, run.size, run.font) - (0.6 if k else 1.5)
                    d.line(((xk * s, top), (xk * s, bottom)), fill=_ink(img), width=lw)
                xe = x + g.text_width(tax, run.style, run.size, run.font) + 1
                d.line(((x * s - 1.5 * s, top), (xe * s, top)), fill=_ink(img), width=lw)
                d.line(((x * s - 1.5 * s, bottom), (xe * s, bottom)), fill=_ink(img), width=lw)
                return


FAILURE_KINDS: dict[str, FailureKind] = {
    k.name: k
    for k in (
        FailureKind(
            "grey_seal_over_name",
            "the signer's name under the round seal on a greyscale scan",
            Axes(kind="quyet_dinh", colour=Colour.GREY, dpi=300, seal=Seal.OVER_NAME),
        ),
        FailureKind(
            "annex_after_signature",
            "the signature block followed by an annex page (PHỤ LỤC ... kèm theo ...) naming other people",
            Axes(kind="quyet_dinh", tail=Tail.ANNEX),
        ),
        FailureKind(
            "name_line_noise",
            "OCR noise in the name line (a leading speck, a colon after the family name)",
            Axes(kind="quyet_dinh", seal=Seal.BESIDE),
            name_specks,
        ),
        FailureKind(
            "licence_subject",
            "a licence's subject: its full title",
            Axes(kind="giay_phep"),
        ),
        FailureKind(
            "certificate_subject",
            "a certificate's subject: its full title",
            Axes(kind="giay_chung_nhan"),
        ),
        FailureKind(
            "tax_code_cells",
            "a tax code with stray digits (printed cell walls read as digits)",
            Axes(kind="giay_phep"),
            tax_code_boxes,
        ),
        FailureKind(
            "two_line_header",
            "the two-line organ header ỦY BAN NHÂN DÂN / TỈNH X (one organ, no parent)",
            Axes(kind="chi_thi", header=Header.ONE_ORGAN, sign=SignForm.TM_KT),
        ),
        FailureKind(
            "handwritten_number_date",
            "the number and the day/month written by hand into the printed blanks (bitonal 200 dpi)",
            Axes(
                kind="chi_thi",
                header=Header.ONE_ORGAN,
                sign=SignForm.KT,
                colour=Colour.BITONAL,
                dpi=200,
                handwritten=True,
            ),
        ),
        FailureKind(
            "tl_form",
            "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG",
            Axes(kind="cong_van", header=Header.ONE_ORGAN, sign=SignForm.TL),
        ),
        FailureKind(
            "q_form",
            "Q. GIÁM ĐỐC (acting head)",
            Axes(kind="quyet_dinh", header=Header.PARENT, sign=SignForm.Q),
        ),
        FailureKind(
            "blank_page_after_signature",
            "the signed page followed by a blank page with a faint seal",
            Axes(kind="to_trinh", tail=Tail.BLANK_SEAL),
        ),
        FailureKind(
            "receipt_after_signature",
            "the signed page followed by an unsigned Nơi nhận block",
            Axes(kind="bao_cao", tail=Tail.RECEIPT),
        ),
        FailureKind(
            "incoming_stamp",
            "the ĐẾN incoming-mail stamp in the header area (its own number and date)",
            Axes(kind="to_trinh", header=Header.ONE_ORGAN, sign=SignForm.KT, stamp=True),
        ),
        FailureKind(
            "court_header",
            "a two-line organ that is not a People's Committee (TÒA ÁN NHÂN DÂN / TỈNH X,"
            " VIỆN KIỂM SÁT NHÂN DÂN / TỈNH X): one organ, no parent",
            Axes(kind="quyet_dinh", header=Header.COURT, sign=SignForm.KT),
        ),
        FailureKind(
            "ministry_header",
            "BỘ ... / CỤC ... header (parent + organ), KT. CỤC TRƯỞNG",
            Axes(kind="quyet_dinh", header=Header.MINISTRY, sign=SignForm.KT),
        ),
    )
}


def make_failure(
    name: str, seed: int, family: Family | str = Family.DEV, **overrides: object
) -> tuple[g.SampleDoc, list[Image.Image]]:
    """The document of failure kind ``name`` and its scanned pages (marks drawn)."""
    kind = FAILURE_KINDS[name]
    axes = replace(kind.axes, **overrides)  # type: ignore[arg-type]
    doc = make_varied_document(seed, family, axes)
    images = [im.convert("RGB") if im.mode == "1" and kind.mark else im for im in scanned_pages(doc)]
    if kind.mark:
        kind.mark(doc, images, seed)
        if axes.colour is Colour.BITONAL:
            images = [im.convert("L").point(lambda v: 255 if v > 128 else 0).convert("1") for im in images]
        for im in images:
            im.info["dpi"] = (axes.dpi, axes.dpi)
    return doc, images


def write_failure(
    name: str, seed: int, out: Path, family: Family | str = Family.DEV, **overrides: object
) -> Path:
    """The failure document as a file (TIFF for several pages, else PNG) with ``<name>.gt.json``."""
    doc, images = make_failure(name, seed, family, **overrides)
    out.parent.mkdir(parents=True, exist_ok=True)
    dpi = images[0].info.get("dpi", (doc.dpi, doc.dpi))
    if len(images) > 1:
        path = out.with_suffix(".tif")
        comp = "group4" if images[0].mode == "1" else "tiff_lzw"
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression=comp, dpi=dpi)
    else:
        path = out.with_suffix(".png")
        images[0].save(path, "PNG", dpi=dpi)
    gt = {
        "failure": name,
        "seed": seed,
        "family": doc.family,
        "axes": doc.axes.values() if doc.axes else {},
        "pages": len(images),
        "text": doc.text,
        "fields": doc.fields,
    }
    g.gt_path_for(path).write_text(json.dumps(gt, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.failures", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--family", choices=[str(f) for f in Family], default="dev")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--kinds", default=",".join(FAILURE_KINDS))
    a = ap.parse_args(argv)
    for name in a.kinds.split(","):
        for seed in (int(x) for x in a.seeds.split(",")):
            print(write_failure(name, seed, a.out / f"{name}_{seed}", a.family))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
