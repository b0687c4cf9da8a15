"""Generated stack scans: several Decree 30 documents in one file, as a duplex ADF scanner gives them.

Built from ``samples.generate``'s public functions (documents, page rendering, degradation). A stack mixes
document types, multi-page documents, annexes that repeat the motto ("PHỤ LỤC … kèm theo …"), pages turned
90/180/270°, blank backs (scanner noise, bleed-through of the front, punched holes, dark edges) and separator
sheets (a QR code saying ``PATCHT``, or Kodak PATCH-T bars). The ground truth says which stack pages make each
document and which pages are blank or separators.

Two families, the same as ``samples.axes.Family``: ``dev`` (tune on it) and ``eval`` (only measured on:
``bench/split.py``). They never share a seed, and a family's documents come from the varied generator
(``samples.varied``) with that family's value pools (names, organs, places, subjects), drawn along its axes
(fonts, margins, headers, signature forms, seals, stamps, handwriting) and scanned in colour; the stack adds
its own annexes, turned sheets, blank backs and separators.

    python -m samples.stacks OUT_DIR [--n 3] [--family eval]
"""

from __future__ import annotations

import argparse
import io
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import qrcode
from PIL import Image, ImageDraw

from samples import generate as g
from samples.axes import VARIED_KINDS, Colour, Family, Photo, Tail, draw_axes
from samples.varied import make_varied_document, person_from

FAMILY_BASE: dict[str, int] = {
    Family.DEV: 10_000,
    Family.ALT: 3_000_000,
    Family.EVAL: 7_000_000,
    Family.HOLD: 11_000_000,
    Family.CORP: 15_000_000,
}


@dataclass(frozen=True)
class StackPage:
    image: Image.Image = field(repr=False)
    role: str  # "start" | "continuation" | "blank" | "separator"
    document: int | None  # index of the document in the stack (None for a separator)
    rotate: int = 0  # degrees the sheet was turned (clockwise) in the scanner
    annex: bool = False  # an annex page repeating the motto
    separator: str | None = None  # "qr" | "patch" for a separator sheet


@dataclass(frozen=True)
class Stack:
    seed: int
    pages: tuple[StackPage, ...]
    kinds: tuple[str, ...]  # per document

    def truth(self) -> dict[str, object]:
        docs: dict[int, list[int]] = {}
        blanks: dict[int, list[int]] = {}
        for i, p in enumerate(self.pages):
            if p.document is None:
                continue
            (blanks if p.role == "blank" else docs).setdefault(p.document, []).append(i)
        return {
            "seed": self.seed,
            "pages": len(self.pages),
            "documents": [
                {"kind": k, "pages": docs.get(n, []), "blank_pages": blanks.get(n, [])}
                for n, k in enumerate(self.kinds)
            ],
            "separators": [i for i, p in enumerate(self.pages) if p.role == "separator"],
            "blank": [i for i, p in enumerate(self.pages) if p.role == "blank"],
            "rotated": [i for i, p in enumerate(self.pages) if p.rotate],
            "annex": [i for i, p in enumerate(self.pages) if p.annex],
            "separator_kinds": sorted({p.separator for p in self.pages if p.separator}),
        }


def annex_page(doc: g.SampleDoc, seed: int, dpi: int) -> Image.Image:
    """An annex page: the agency and the national motto again, "PHỤ LỤC", "(Kèm theo … số …)", a list."""
    rng = random.Random(f"annex:{seed}")
    pl = g.PageLayout()

    def centred(text: str, style: str, size: float, col: tuple[float, float], y: float) -> None:
        w = g.text_width(text, style, size)
        pl.runs.append(g.Run((col[0] + col[1]) / 2 - w / 2, y, text, style, size))

    y = g.MARGIN_T + 12.5
    organ = (doc.fields.get("organ_name") or "ỦY BAN NHÂN DÂN").upper()
    centred(organ[:34], "bold", 12.5, g.LEFT_COL, y)
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 12.5, g.RIGHT_COL, y)
    centred("Độc lập - Tự do - Hạnh phúc", "bold", 13, g.RIGHT_COL, y + 15.6)
    y += 70
    body = (g.MARGIN_L, g.PAGE_W - g.MARGIN_R)
    centred(
        "PHỤ LỤC" + (f" {rng.choice(['I', 'II', '01'])}" if rng.random() < 0.5 else ""), "bold", 14, body, y
    )
    y += 18
    number = doc.fields.get("code_number") or "1"
    notation = doc.fields.get("code_notation") or "QĐ-UBND"
    centred(f"(Kèm theo văn bản số {number}/{notation})", "italic", 13, body, y)
    y += 32
    items = ["Danh mục thiết bị", "Địa điểm thực hiện", "Nhân viên phụ trách", "Thời hạn bảo dưỡng"]
    for k in range(rng.randrange(6, 14)):
        who = person_from(rng, doc.family) if doc.family else g.person_name(rng)
        text = f"{k + 1}. {rng.choice(items)} số {rng.randrange(1, 999)}: {who}"
        pl.runs.append(g.Run(body[0], y, text, "regular", g.BODY_SIZE))
        y += g.BODY_SIZE * 1.6
    return g.render_page(pl, dpi)


def blank_back(front: Image.Image, seed: int, *, bleed: float, holes: bool, edges: bool) -> Image.Image:
    """The back of a sheet: paper tone, scanner noise, the front showing through (mirrored), punched holes."""
    rng = np.random.default_rng(seed)
    grey = np.asarray(front.convert("L"), dtype=np.float32)[:, ::-1]  # seen from behind
    paper = 246.0 - rng.uniform(0, 10)
    page = paper - bleed * (255.0 - grey)  # faint mirrored text
    h, w = page.shape
    page += rng.normal(0, 3.0, size=(h, w))
    n_specks = int(h * w * 1.5e-5)
    ys, xs = rng.integers(0, h, n_specks), rng.integers(0, w, n_specks)
    page[ys, xs] = rng.uniform(40, 120, n_specks)  # dust: single dark pixels
    img = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L").convert("RGB")
    d = ImageDraw.Draw(img)
    dpi = float(front.info.get("dpi", (300, 300))[0])
    mm = dpi / 25.4
    if holes:  # two punched holes, 6 mm, 12 mm from the left edge, 80 mm apart
        for cy in (h / 2 - 40 * mm, h / 2 + 40 * mm):
            cx = 12 * mm
            d.ellipse((cx - 3 * mm, cy - 3 * mm, cx + 3 * mm, cy + 3 * mm), fill=(25, 25, 25))
    if edges:  # the scanner's dark edge along one side
        d.rectangle((w - int(2.5 * mm), 0, w, h), fill=(30, 30, 30))
    img.info["dpi"] = (dpi, dpi)
    return img


def separator_sheet(seed: int, dpi: int, kind: str) -> Image.Image:
    """A separator sheet: a QR code saying PATCHT with a caption, or Kodak PATCH-T bars (N W N W)."""
    w, h = round(g.PAGE_W * dpi / 72), round(g.PAGE_H * dpi / 72)
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    mm = dpi / 25.4
    if kind == "qr":
        qr = qrcode.QRCode(border=2, box_size=max(2, round(1.2 * mm)))
        qr.add_data("PATCHT")
        qr.make()
        code = qr.make_image().get_image().convert("RGB")
        img.paste(code, (w // 2 - code.width // 2, round(60 * mm)))
        d.text(
            (w // 2, round(50 * mm)), "TÁCH HỒ SƠ", fill=(0, 0, 0), font=g._font("bold", 8 * mm), anchor="mm"
        )
    else:
        x = round(30 * mm)
        for bar_mm, gap_mm in ((2.03, 2.03), (5.08, 2.03), (2.03, 2.03), (5.08, 0)):
            d.rectangle((x, round(20 * mm), x + round(bar_mm * mm) - 1, round(120 * mm)), fill=(0, 0, 0))
            x += round((bar_mm + gap_mm) * mm)
        d.text(
            (w // 2, round(150 * mm)), "PATCH T", fill=(0, 0, 0), font=g._font("bold", 10 * mm), anchor="mm"
        )
    img.info["dpi"] = (dpi, dpi)
    return img


@dataclass(frozen=True)
class DocSpec:
    """How one document lies in a stack."""

    kind: str
    seed: int
    min_pages: int = 1
    annex: bool = False
    separator_before: str | None = None  # "qr" | "patch"
    rotations: tuple[int, ...] = ()  # per sheet (0 when missing)
    blank_backs: tuple[bool, ...] = ()  # per sheet: an empty back follows it
    skew: float = 1.0
    noise: float = 4.0
    family: str | None = None  # "dev" | "eval": the varied generator of that family; None: the fixed one


def build_stack(specs: Sequence[DocSpec], *, seed: int = 0, dpi: int = 200) -> Stack:
    """The stack the specs describe, in order."""
    pages: list[StackPage] = []
    for n, spec in enumerate(specs):
        if spec.family:
            drawn = draw_axes(random.Random(f"stack-axes:{spec.family}:{spec.seed}"), spec.kind)
            axes = replace(drawn, colour=Colour.COLOUR, dpi=dpi, photo=Photo.NONE, tail=Tail.NONE)
            doc = make_varied_document(spec.seed, spec.family, axes, min_pages=spec.min_pages)
        else:
            doc = g.make_document(spec.kind, spec.seed, dpi=dpi, min_pages=spec.min_pages)
        sheets: list[Image.Image] = list(doc.pages)
        if spec.annex:
            sheets.append(annex_page(doc, spec.seed, dpi))
        if spec.separator_before:
            sheet = separator_sheet(spec.seed, dpi, spec.separator_before)
            pages.append(StackPage(sheet, "separator", None, separator=spec.separator_before))
        for k, sheet in enumerate(sheets):
            rotate = spec.rotations[k] if k < len(spec.rotations) else 0
            img = g.degrade(
                sheet,
                spec.seed * 7 + k,
                rotate=rotate,
                skew=spec.skew if k % 2 == 0 else -spec.skew,
                noise=spec.noise,
            )
            annex = spec.annex and k == len(sheets) - 1
            pages.append(StackPage(img, "start" if k == 0 else "continuation", n, rotate=rotate, annex=annex))
            if k < len(spec.blank_backs) and spec.blank_backs[k]:
                r = random.Random(f"back:{spec.seed}:{k}")
                back = blank_back(
                    sheet,
                    spec.seed * 13 + k,
                    bleed=r.uniform(0.03, 0.12),
                    holes=r.random() < 0.5,
                    edges=r.random() < 0.5,
                )
                pages.append(StackPage(back, "blank", n))
    return Stack(seed, tuple(pages), tuple(s.kind for s in specs))


def random_specs(seed: int, *, n_docs: int = 4, family: str = "dev") -> list[DocSpec]:
    """Seeded random layout of a stack; ``family`` keeps the dev and eval seeds apart."""
    if family not in FAMILY_BASE:
        raise ValueError(f"unknown family {family!r}; one of dev, eval")
    base = FAMILY_BASE[Family(family)] + seed * 100
    rng = random.Random(base)
    specs = []
    for n in range(n_docs):
        specs.append(
            DocSpec(
                kind=VARIED_KINDS[(seed + n) % len(VARIED_KINDS)],
                seed=base + n,
                min_pages=rng.choice((1, 1, 2)),
                annex=rng.random() < 0.35,
                separator_before=rng.choice(("qr", "patch")) if n > 0 and rng.random() < 0.3 else None,
                rotations=tuple(rng.choice((0, 0, 0, 0, 90, 180, 270)) for _ in range(4)),
                blank_backs=tuple(rng.random() < 0.4 for _ in range(4)),
                skew=rng.uniform(-2.0, 2.0),
                noise=rng.uniform(2.0, 6.0),
                family=str(Family(family)),
            )
        )
    return specs


def make_stack(seed: int, *, n_docs: int = 4, dpi: int = 200, family: str = "dev") -> Stack:
    """One stack of ``n_docs`` documents with annexes, turned pages, blank backs and separators (seeded)."""
    return build_stack(random_specs(seed, n_docs=n_docs, family=family), seed=seed, dpi=dpi)


def write_stack(stack: Stack, path: Path, *, jpeg_quality: int = 80) -> Path:
    """The stack as one PDF of JPEG pages (as a scanner writes it), with ``<stem>.gt.json`` beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = []
    for p in stack.pages:
        buf = io.BytesIO()
        p.image.convert("RGB").save(
            buf, "JPEG", quality=jpeg_quality, dpi=p.image.info.get("dpi", (200, 200))
        )
        buf.seek(0)
        im = Image.open(buf)
        im.load()
        frames.append(im)
    dpi = float(frames[0].info.get("dpi", (200, 200))[0])
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=dpi)
    g.gt_path_for(path).write_text(json.dumps(stack.truth(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_stacks(out_dir: Path, n: int, *, family: str = "dev", n_docs: int = 4) -> list[Path]:
    return [
        write_stack(make_stack(i, n_docs=n_docs, family=family), out_dir / f"stack_{family}_{i:03d}.pdf")
        for i in range(n)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.stacks", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=3)
    ap.add_argument("--docs", type=int, default=4)
    ap.add_argument("--family", choices=sorted(FAMILY_BASE), default="dev")
    a = ap.parse_args(argv)
    for p in write_stacks(a.out, a.n, family=a.family, n_docs=a.docs):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
