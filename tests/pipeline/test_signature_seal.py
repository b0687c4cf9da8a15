"""The signer's name under a round seal on grey and bitonal scans (no red to tell the seal from the name)."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
from PIL import Image, ImageDraw

from digitize.pipeline import preprocess, recognize, regions, signature
from digitize.pipeline.fields import extract, review
from samples import generate


def _grey_name_under_seal() -> tuple[np.ndarray, np.ndarray]:
    """A name's line photographed in low light (grey paper ~185, with grain), the print dark, a seal's ring
    and letters mid-grey across its first word; with the mask of the seal's ink."""
    img = Image.new("L", (760, 150), 255)
    ImageDraw.Draw(img).text((150, 40), "Lê Văn Tý", font=generate._font("bold", 14 * 300 / 72), fill=0)
    name = np.array(img) < 128
    seal = np.zeros(name.shape, np.uint8)
    cv2.circle(seal, (40, -60), 200, 1, 14)  # the ring's arc down through "Lê"
    cv2.putText(seal, "GIA", (20, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 1, 4)  # the seal's own letters
    rng = np.random.default_rng(0)
    grey = rng.normal(185, 6, name.shape)
    grey[seal > 0] = 135  # the red seal's grey
    grey[name] = 25  # the print, darker over the seal too
    return np.clip(grey, 0, 255).astype(np.uint8), (seal > 0) & ~name


def test_a_grey_seal_over_a_name_on_grey_paper_is_taken_out_by_the_print_s_darkness() -> None:
    # seed 541 dev 011 ("_têVẫn Tý" for "Lê Văn Tý"): on grey paper Otsu's paper/ink level falls between the
    # paper and the seal's mid-grey, so ``print_tone`` sees one ink and keeps the seal
    crop, seal = _grey_name_under_seal()
    assert regions.print_tone(crop) is None
    ys, xs = np.nonzero(crop < 80)  # the name's box: the words the seal left clear are in the print's ink
    out = signature.darker_print(crop, [(int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)])
    assert out is not None
    paper = np.percentile(crop, 90)
    apart = seal & (cv2.dilate((crop < 80).astype(np.uint8), np.ones((5, 5), np.uint8)) == 0)
    assert (out[apart] >= paper - 1).mean() > 0.95  # the seal's ink made paper
    assert (out[crop < 80] == crop[crop < 80]).all()  # the print untouched
    # one ink (a bitonal scan): nothing to take out
    assert signature.darker_print(np.where(crop < 160, 0, 255).astype(np.uint8), [(0, 0, 760, 150)]) is None


def test_a_rare_given_name_every_reading_read_is_not_voted_into_a_listed_one() -> None:
    # "Ngoạn" (no list has it, nor the corpus) is one letter from the listed "Ngân": readings that all read it
    # whole read a word, no garble to repair: no name rather than another person's
    readings = [[("Lê", 90.0), ("Văn", 90.0), ("Ngoạn", 93.0)]] * 4
    assert signature.vote_name(readings) != ["Lê", "Văn", "Ngân"]
    # a garbled word (no syllable) one letter from a listed name is still that name ("Miấh": "Minh")
    assert signature.vote_name([[("Lê", 90.0), ("Miấh", 60.0), ("Hùng", 93.0)]] * 4) == ["Lê", "Minh", "Hùng"]


def _sharp_end(name: str, at: float = 0.3) -> np.ndarray:
    """A sharp bitonal scan's end at 200 dpi: "CỤC TRƯỞNG" and ``name`` under it, a seal's ring across the
    name's first word."""
    from tests.pipeline.test_signature import _signed_end

    arr, (x0, y0, x1, y1) = _signed_end(200, ["- Như trên;", "- Lưu: VT."], ("CỤC TRƯỞNG", ""), name)
    grey = cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)
    r = 140
    cv2.circle(grey, (int(x0 + at * (x1 - x0) - r), int((y0 + y1) / 2 - 0.5 * r)), r, 0, 10)
    grey = np.where(grey < 170, 0, 255).astype(np.uint8)
    return np.stack([grey] * 3, axis=-1)


def test_a_sharp_scan_s_name_line_lost_whole_under_its_title_is_read_by_the_row_pass() -> None:
    # seed 547 alt 004: a bitonal seal's ring across the name, the first reading took the name's line for a
    # picture (no word of it) and the block's second reading garbled it; its row of print under the title is
    # read on its own and voted on, the name in doubt
    name = "Hoàng Minh Hải"
    prepared = preprocess.prepare(_sharp_end(name, 0.4), dpi=200)
    assert not prepared.blurred
    first = recognize.recognize(prepared, lang="vie")
    title = next(w for w in first.words if w.text.startswith("TRƯỞNG"))
    lost = replace(
        first,
        words=tuple(w for w in first.words if w.box.x0 < 0.45 * first.width or w.box.y0 <= title.box.y1),
    )
    assert extract([lost]).values()["signer_title"] == "Cục trưởng"
    assert extract([lost]).values()["signer_name"] is None
    f = extract([signature.row_pass(prepared, lost, lang="vie")]).fields["signer_name"]
    assert f.value == name and f.confidence < review.REVIEW_THRESHOLD


def _faint_name_under_a_title_s_tail(paper: int = 185, ink: int = 135) -> tuple[np.ndarray, np.ndarray]:
    """A name printed faint (grey ``ink``) on grey paper, the dark tail of its title's last row at the crop's
    top; with the name's mask."""
    font = generate._font("bold", 14 * 300 / 72)
    img = Image.new("L", (760, 150), 255)
    ImageDraw.Draw(img).text((150, 40), "Nguyễn Thị Hằng", font=font, fill=0)
    name = (255 - np.array(img)) / 255.0
    tail = Image.new("L", (760, 150), 255)
    ImageDraw.Draw(tail).text((200, -30), "GIÁM ĐỐC", font=font, fill=0)
    title = (255 - np.array(tail)) / 255.0
    grey = np.random.default_rng(1).normal(paper, 3, name.shape)
    grey = grey * (1 - name) + ink * name
    grey = grey * (1 - title) + 20 * title
    return np.clip(grey, 0, 255).astype(np.uint8), name > 0.5


def test_a_faint_name_under_a_darker_title_s_tail_is_not_taken_out() -> None:
    # the title's tail is the darkest ink: its level would make the faint name (the lighter ink) paper whole;
    # the words the seal left clear (the name's own boxes) are read in the lighter ink: nothing to take out
    crop, name = _faint_name_under_a_title_s_tail()
    assert regions.print_tone(crop) is None
    ys, xs = np.nonzero(name)
    box = (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)
    assert signature.darker_print(crop, [box]) is None
    # the grey seal on grey paper under a dark name is still taken out with the name's box given
    seal_crop, _ = _grey_name_under_seal()
    ys, xs = np.nonzero(seal_crop < 80)
    assert signature.darker_print(seal_crop, [(int(xs.min()), 0, int(xs.max()) + 1, 150)]) is not None


def test_a_sharp_scan_s_lost_name_is_read_from_the_first_row_under_its_title_not_a_lower_block_s() -> None:
    # another block's name printed lower down ("Trần Văn Bình", a second signer's) is no name of this title's
    arr, _ = _signed_end_with_below("Hoàng Minh Hải", "Trần Văn Bình")
    prepared = preprocess.prepare(arr, dpi=200)
    assert not prepared.blurred
    first = recognize.recognize(prepared, lang="vie")
    title = next(w for w in first.words if w.text.startswith("TRƯỞNG"))
    lost = replace(
        first,
        words=tuple(w for w in first.words if w.box.x0 < 0.45 * first.width or w.box.y0 <= title.box.y1),
    )
    assert extract([lost]).values()["signer_name"] is None
    f = extract([signature.row_pass(prepared, lost, lang="vie")]).fields["signer_name"]
    assert f.value == "Hoàng Minh Hải" and f.confidence < review.REVIEW_THRESHOLD


def _signed_end_with_below(name: str, below: str) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """A sharp bitonal scan's end at 200 dpi: "CỤC TRƯỞNG", ``name`` under it, and ``below`` printed in bold
    under the name, centred as it is."""
    from tests.pipeline.test_signature import _signed_end

    arr, box = _signed_end(200, ["- Như trên;", "- Lưu: VT."], ("CỤC TRƯỞNG", ""), name)
    img = Image.fromarray(arr)
    k = 200 / 300
    font = generate._font("bold", 14 * 200 / 72)
    ImageDraw.Draw(img).text((1800 * k, 3130 * k), below, font=font, fill=(20, 20, 20), anchor="mt")
    grey = cv2.cvtColor(np.array(img), cv2.COLOR_RGB2GRAY)
    grey = np.where(grey < 170, 0, 255).astype(np.uint8)
    return np.stack([grey] * 3, axis=-1), box


def test_a_sharp_scan_s_name_read_only_after_unread_marks_is_read_again_by_the_row_pass() -> None:
    # review of signerlost54 M: "Ph" (1) "An" (93) "Minh" (95) "Tuấn" (95), the ring across "Phan": the
    # name read only after the unread marks ("An Minh Tuấn", ``_after_unread``) is no name found to the
    # passes, so the row pass still reads the line again (it was skipped, "An Minh Tuấn" kept)
    from digitize.pipeline.model import Box, Word

    prepared = preprocess.prepare(_sharp_end("Phan Minh Tuấn", 0.4), dpi=200)
    assert not prepared.blurred
    first = recognize.recognize(prepared, lang="vie")
    title = next(w for w in first.words if w.text.startswith("TRƯỞNG"))
    under = [w for w in first.words if w.box.x0 >= 0.45 * first.width and w.box.y0 > title.box.y1]
    last = next(w for w in under if w.text == "Tuấn")
    h = last.box.y1 - last.box.y0

    def word(text: str, conf: float, x0: float, x1: float) -> Word:
        return replace(last, text=text, conf=conf, box=Box(x0, last.box.y0, x1, last.box.y1))

    x = last.box.x0
    read = (
        word("Ph", 1.0, x - 7.8 * h, x - 6.3 * h),
        word("An", 93.0, x - 5.9 * h, x - 4.1 * h),
        word("Minh", 95.0, x - 3.7 * h, x - 0.4 * h),
        replace(last, conf=95.0),
    )
    lost = replace(first, words=(*(w for w in first.words if w not in under), *read), text="")
    assert extract([lost]).fields["signer_name"].value == "An Minh Tuấn"  # (the document's own reading)
    f = extract([signature.row_pass(prepared, lost, lang="vie")]).fields["signer_name"]
    assert f.value == "Phan Minh Tuấn" and f.confidence < review.REVIEW_THRESHOLD
