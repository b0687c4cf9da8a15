"""Marks made by hand or by a rubber stamp on a printed page: handwritten digits and the "ĐẾN" stamp.

Each returns an RGBA overlay (transparent background) that ``samples.generate.render_page`` multiplies onto
the page. Handwriting uses a script-like font when the machine has one (URW Z003, Zapf Chancery's metric
clone), otherwise digits drawn as jittered pen strokes.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from samples import generate as g

SCRIPT_FONTS = (
    Path("/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf"),
    Path("/usr/share/fonts/X11/Type1/Z003-MediumItalic.pfb"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"),  # last resort: at least slanted
)
PEN_BLUE = (28, 40, 130)


@lru_cache(maxsize=1)
def script_font_path() -> Path | None:
    for p in SCRIPT_FONTS[:2]:
        if p.is_file():
            return p
    return None


# digits as pen strokes in a unit box (x right, y down), for machines without a script font
_STROKES: dict[str, list[list[tuple[float, float]]]] = {
    "0": [
        [(0.5, 0.0), (0.15, 0.2), (0.1, 0.6), (0.35, 1.0), (0.75, 0.9), (0.9, 0.4), (0.7, 0.05), (0.5, 0.0)]
    ],
    "1": [[(0.3, 0.2), (0.6, 0.0), (0.5, 1.0)]],
    "2": [[(0.15, 0.25), (0.45, 0.0), (0.8, 0.2), (0.6, 0.55), (0.1, 1.0), (0.9, 0.95)]],
    "3": [[(0.15, 0.1), (0.75, 0.05), (0.4, 0.45), (0.85, 0.65), (0.6, 0.98), (0.1, 0.9)]],
    "4": [[(0.6, 0.0), (0.1, 0.65), (0.9, 0.65)], [(0.65, 0.3), (0.6, 1.0)]],
    "5": [[(0.85, 0.0), (0.25, 0.05), (0.2, 0.45), (0.7, 0.45), (0.85, 0.75), (0.5, 1.0), (0.1, 0.9)]],
    "6": [[(0.75, 0.0), (0.25, 0.35), (0.15, 0.8), (0.5, 1.0), (0.85, 0.75), (0.6, 0.5), (0.2, 0.65)]],
    "7": [[(0.1, 0.05), (0.9, 0.0), (0.35, 1.0)], [(0.3, 0.5), (0.75, 0.5)]],
    "8": [
        [
            (0.5, 0.45),
            (0.15, 0.2),
            (0.5, 0.0),
            (0.85, 0.2),
            (0.5, 0.45),
            (0.1, 0.75),
            (0.5, 1.0),
            (0.9, 0.75),
            (0.5, 0.45),
        ]
    ],
    "9": [[(0.85, 0.35), (0.5, 0.5), (0.15, 0.25), (0.5, 0.0), (0.85, 0.3), (0.7, 1.0)]],
    "/": [[(0.8, 0.0), (0.2, 1.0)]],
}


def handwritten_digits(
    text: str,
    seed: int,
    w_px: int,
    h_px: int,
    ink: tuple[int, int, int] = PEN_BLUE,
    *,
    fit: bool = True,
) -> Image.Image:
    """``text`` (digits, "/" and ".") written by hand into a ``w_px`` x ``h_px`` box; with ``fit`` the
    digits that ran over the box's edge are squeezed into it whole, else cut at the edge (the incoming
    stamp's values, no field of the document, are drawn so: its tests were drawn on that image)."""
    rng = random.Random(f"hand:{seed}:{text}")
    w_px, h_px = max(1, w_px), max(1, h_px)
    if not text:
        return Image.new("RGBA", (w_px, h_px), (0, 0, 0, 0))
    n = len(text)
    size = min(h_px * 0.95, w_px / max(n * 0.62, 1))
    path = script_font_path()
    # drawn on a wider sheet: a hand does not stop at the box's edge (the digits are written closer when
    # they would run over it, as a writer who sees the edge coming does)
    pad = int(size * 1.6) + 2
    x = max(0.0, (w_px - size * 0.6 * n) / 2)
    width = max(2, round(size / 11))
    tiles: list[tuple[Image.Image, int, int]] = []
    for ch in text:
        tilt = rng.uniform(-12, 6)
        dy = rng.uniform(-0.08, 0.08) * h_px
        scale = rng.uniform(0.9, 1.12)
        tile_s = int(size * 1.6)
        tile = Image.new("RGBA", (tile_s, tile_s), (0, 0, 0, 0))
        d = ImageDraw.Draw(tile)
        if path is not None:
            font = ImageFont.truetype(str(path), max(4, round(size * 1.15 * scale)))
            for ox in (0, 1):  # a pen is thicker than the font's hairlines
                d.text((tile_s / 2 + ox, tile_s / 2), ch, font=font, fill=(*ink, 235), anchor="mm")
        else:
            for stroke in _STROKES.get(ch, []):
                pts = [
                    (
                        tile_s / 2 + (px - 0.5) * size * 0.55 * scale + rng.uniform(-1, 1) * size * 0.03,
                        tile_s / 2 + (py - 0.5) * size * 0.8 * scale + rng.uniform(-1, 1) * size * 0.03,
                    )
                    for px, py in stroke
                ]
                d.line(pts, fill=(*ink, 235), width=width, joint="curve")
        tile = tile.rotate(tilt, resample=Image.Resampling.BICUBIC)
        tiles.append((tile, pad + int(x + size * 0.3 - tile_s / 2), int(h_px / 2 + dy - tile_s / 2)))
        x += size * rng.uniform(0.5, 0.68)
    if fit:
        tiles = _closer(tiles, pad, w_px, size)
    img = Image.new("RGBA", (w_px + 2 * pad, h_px), (0, 0, 0, 0))
    for tile, tx, ty in tiles:
        img.alpha_composite(tile, (tx, ty))
    return img.crop((pad, 0, pad + w_px, h_px))


def _ink_span(tile: Image.Image) -> tuple[int, int] | None:
    box = tile.getchannel("A").point(lambda v: 255 if v > 40 else 0).getbbox()
    return None if box is None else (box[0], box[2])


def _closer(
    tiles: list[tuple[Image.Image, int, int]], pad: int, w_px: int, size: float
) -> list[tuple[Image.Image, int, int]]:
    """The glyphs moved closer together (their shapes kept) so that their ink lies in the box ``[pad, pad +
    w_px)``, when it ran over an edge: the gaps between them narrowed evenly; as drawn when it did not, or
    when the glyphs would have to overlap by more than a third of a glyph to fit."""
    spans = [
        (tx + sp[0], tx + sp[1])
        for (tile, tx, _), sp in zip(tiles, map(_ink_span, (t[0] for t in tiles)), strict=True)
        if sp
    ]
    if not spans:
        return tiles
    left, right = min(a for a, _ in spans), max(b for _, b in spans)
    if left >= pad and right <= pad + w_px:
        return tiles
    # a writer stops short of the edge (the printed slash after the box)
    gap = round(size * 0.08)
    end = pad + w_px - gap
    over_left, over_right = max(0, pad - left), max(0, right - end)
    excess = over_left + over_right
    n = len(tiles)
    if not excess or n < 2 or excess > size * 0.33 * (n - 1):
        return tiles
    return [
        (tile, tx + over_left - round(excess * i / (n - 1)), ty) for i, (tile, tx, ty) in enumerate(tiles)
    ]


def incoming_stamp(label: str, seed: int, w_px: int, h_px: int) -> Image.Image:
    """The "ĐẾN" stamp of an incoming-mail register: a box with ĐẾN, Số, Ngày, Chuyển; the values by hand.

    ``label`` is ``"<số>|<ngày>|<chuyển>"``."""
    rng = random.Random(f"stamp:{seed}")
    number, date, to = ([*label.split("|"), "", "", ""])[:3]
    ink = rng.choice(((120, 30, 120), (190, 35, 45), (40, 50, 150)))
    img = Image.new("RGBA", (w_px, h_px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    lw = max(2, w_px // 90)
    d.rectangle((lw, lw, w_px - lw, h_px - lw), outline=(*ink, 215), width=lw)
    big = g._font("bold", h_px * 0.36, "liberation_serif")
    small = g._font("bold", h_px * 0.15, "liberation_sans")
    col = w_px * 0.30
    d.line((col, lw, col, h_px - lw), fill=(*ink, 215), width=lw)
    d.text((col / 2, h_px * 0.55), "ĐẾN", font=big, fill=(*ink, 225), anchor="mm")
    rows = (("Số:", number), ("Ngày:", date), ("Chuyển:", to))
    for k, (key, value) in enumerate(rows):
        yc = h_px * (0.2 + 0.3 * k)
        d.text((col + w_px * 0.04, yc), key, font=small, fill=(*ink, 225), anchor="lm")
        vx = col + w_px * 0.04 + small.getlength(key) + w_px * 0.03
        if value and any(c.isdigit() for c in value):
            hand = handwritten_digits(value, seed + k, int(w_px - vx - lw * 2), int(h_px * 0.3), fit=False)
            img.alpha_composite(hand, (int(vx), int(yc - h_px * 0.15)))
        elif value:
            scrawl = g._font("italic", h_px * 0.17, "dejavu_serif")
            d.text((vx, yc), value, font=scrawl, fill=(*PEN_BLUE, 225), anchor="lm")
    angle = rng.uniform(-4, 4)
    out = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False)
    # a rubber stamp never inks evenly
    alpha = out.getchannel("A")
    fade = Image.linear_gradient("L").resize(out.size).rotate(rng.uniform(0, 360))
    alpha = Image.composite(
        alpha, alpha.point(lambda v: int(v * 0.55)), fade.point(lambda v: 255 if v > 90 else 0)
    )
    out.putalpha(alpha)
    return out
