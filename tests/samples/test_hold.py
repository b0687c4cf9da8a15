"""The ``hold`` family (measure-only, never tuned on): its pools share no value with dev's, alt's or eval's
(but the provinces, alt's), its subjects are written as a clerk writes them, and a written hold document's
ground truth is what was drawn. Eval's pools are read here only to assert, in code, that hold keeps apart
from them."""

from __future__ import annotations

import inspect
import itertools
import json
import random
import re
import unicodedata
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import Any

from bench import families
from samples import varied
from samples.axes import (
    FAMILY_SEED_BASE,
    VARIED_KINDS,
    Agency,
    Axes,
    Dept,
    Family,
    Header,
    Pools,
    draw_axes,
    pools,
)
from samples.generate import load_gt
from samples.heldout_names import FAMILY as UNLISTED_FAMILY
from samples.heldout_names import GIVEN as UNLISTED_GIVEN
from samples.varied import make_varied_content, make_varied_document, write_varied

OTHERS = ("dev", "alt", "eval", "corp")
NAME_FIELDS = ("surnames", "middle_m", "middle_f", "given_m", "given_f")
SUBJECT_FIELDS = (
    "decision_subjects",
    "directive_subjects",
    "report_subjects",
    "submission_subjects",
    "letter_subjects",
)


def _organs(p: Pools) -> list[Dept | Agency]:
    return [*p.depts, *p.agencies]


def _organ_values(p: Pools) -> set[str]:
    """Every organ name, abbreviation, ministry, licence and certificate title of a family."""
    out: set[str] = set()
    for o in _organs(p):
        out.update((o.name, o.abbr, *o.licences, *o.certificates))
        if isinstance(o, Agency):
            out.add(o.ministry)
    return out


def _names(p: Pools) -> set[str]:
    return {s for f in NAME_FIELDS for s in getattr(p, f)}


def test_hold_is_a_family_of_its_own_with_its_own_seeds() -> None:
    assert Family("hold") is Family.HOLD
    bases = sorted(FAMILY_SEED_BASE.values())
    assert len(set(bases)) == len(Family)
    assert all(b - a >= 4_000_000 for a, b in itertools.pairwise(bases))
    assert pools("hold").family is Family.HOLD


def test_no_hold_value_is_in_any_other_family_s_pools() -> None:
    hold = pools("hold")
    for f in dc_fields(hold):
        if f.name in ("family", "provinces", "company_forms"):
            continue
        mine = getattr(hold, f.name)
        assert len(mine) >= 3, f.name  # the filter left a pool to draw from
        for other in OTHERS:
            theirs = getattr(pools(other), f.name)
            if f.name in ("depts", "agencies"):
                continue  # below, with every organ value at once
            if f.name in NAME_FIELDS:  # a syllable no other family names anyone with, in any position
                assert not set(mine) & _names(pools(other)), (f.name, other)
            else:
                assert not set(mine) & set(theirs), (f.name, other)
    for other in OTHERS:
        assert not _organ_values(hold) & _organ_values(pools(other)), other
        their_subjects = {s for f in SUBJECT_FIELDS for s in getattr(pools(other), f)}
        assert not {s for f in SUBJECT_FIELDS for s in getattr(hold, f)} & their_subjects, other


def test_hold_shares_only_alt_s_provinces_and_the_legal_forms() -> None:
    hold, alt, ev = pools("hold"), pools("alt"), pools("eval")
    assert hold.provinces == alt.provinces  # 63 are too few for four families
    assert not set(hold.provinces) & set(ev.provinces)
    # a legal form no other family writes, beside the common ones every family writes
    others_forms = {f for o in OTHERS for f in pools(o).company_forms}
    assert set(hold.company_forms) - others_forms == {"Công ty Hợp danh"}


def test_hold_names_mix_listed_syllables_no_pool_used_with_unlisted_ones() -> None:
    from digitize.pipeline.fields.vocab import SURNAMES

    hold = pools("hold")
    unlisted_family = set(hold.surnames) & set(UNLISTED_FAMILY)
    unlisted_given = set(hold.given_m + hold.given_f) & set(UNLISTED_GIVEN)
    assert not unlisted_family & set(SURNAMES)
    # some two in five: wide enough to count, not so many that names alone make hold harder than eval
    assert 0.25 <= len(unlisted_family) / len(hold.surnames) <= 0.5
    assert 0.25 <= len(unlisted_given) / len(hold.given_m + hold.given_f) <= 0.5


def test_hold_texts_are_nfc_and_titles_keep_the_contract() -> None:
    hold = pools("hold")
    for f in dc_fields(hold):
        v = getattr(hold, f.name)
        for s in v if isinstance(v, tuple) and v and isinstance(v[0], str) else ():
            assert unicodedata.normalize("NFC", s) == s, s
    for o in _organs(hold):
        assert o.licences and o.certificates
        assert all(t.startswith("Giấy phép ") for t in o.licences), o.name
        assert all(t.startswith("Giấy chứng nhận ") for t in o.certificates), o.name
    assert all(s.startswith("V/v ") for s in hold.letter_subjects)
    assert all(
        s.startswith("Về ") for f in SUBJECT_FIELDS[:2] + SUBJECT_FIELDS[3:4] for s in getattr(hold, f)
    )


def test_hold_subjects_read_as_a_clerk_writes_them() -> None:
    """Lengths from a line to three lines, with commas, numbers and years, "và" and parentheses."""
    hold = pools("hold")
    subjects = [s for f in SUBJECT_FIELDS for s in getattr(hold, f)]
    titles = [t for o in _organs(hold) for t in o.licences + o.certificates]
    lengths = [len(s.format(y=2024, q="quý II", m=5, place="tỉnh Kiên Giang")) for s in subjects]
    assert min(lengths) < 40 and max(lengths) > 130
    assert sum(n > 100 for n in lengths) >= 5  # two or three lines in a 14 pt subject block
    assert sum("," in s for s in subjects) >= 8
    assert sum("(" in s and ")" in s for s in subjects) >= 4
    assert sum(" và " in s for s in subjects) >= 5
    assert sum("{y}" in s for s in subjects) >= 8 and sum(bool(re.search(r"\d", s)) for s in subjects) >= 5
    assert max(len(t) for t in titles) > 80 and min(len(t) for t in titles) < 30


def _drawn(fam: str, n: int) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    for i in range(n):
        ax = draw_axes(random.Random(f"t:{fam}:{i}"), VARIED_KINDS[i % len(VARIED_KINDS)])
        content, extras = make_varied_content(ax, varied.family_seed(fam, i), fam)
        for key in ("signer_name", "organ_name", "parent_organ", "place", "subject", "holder_name"):
            v = content.fields[key]
            if v and not (key == "place" and v == "Hà Nội"):  # every ministry's Cục sits in Hà Nội
                seen.setdefault(key, set()).add(v)
        seen.setdefault("signer_name", set()).update(extras["annex_names"])
    return seen


def test_hold_documents_share_no_drawn_value_with_the_other_families() -> None:
    hold = _drawn("hold", 70)
    for other in OTHERS:
        theirs = _drawn(other, 70)
        for key, values in hold.items():
            if other != "eval" and key in ("place", "parent_organ", "organ_name"):
                # alt's provinces: the place, "UBND tỉnh X" and "Ủy ban nhân dân tỉnh X" (a province's
                # own organs) are shared with dev and alt, never a Sở's or a Cục's name
                values = {v for v in values if not any(p in v for p in pools("alt").provinces)}
            assert not values & theirs.get(key, set()), (key, other)
    assert len(hold["signer_name"]) > 40 and len(hold["subject"]) > 20


def test_a_written_hold_document_s_truth_is_what_was_drawn(tmp_path: Path) -> None:
    hold = pools("hold")
    organs = {o.name for o in _organs(hold)}
    for i, (kind, header) in enumerate(zip(VARIED_KINDS, (*Header, *Header), strict=False)):
        doc = make_varied_document(i, "hold", Axes(kind=kind, header=header, dpi=72))
        path = write_varied(doc, tmp_path / f"{i:03d}_hold_{kind}")
        gt: dict[str, Any] = load_gt(path)
        assert gt["family"] == "hold" and gt["kind"] == kind
        assert gt["seed"] == FAMILY_SEED_BASE[Family.HOLD] + i
        assert gt["fields"] == doc.fields
        f = gt["fields"]
        words = f["signer_name"].split()
        assert words[0] in hold.surnames and words[-1] in hold.given_m + hold.given_f
        if header in (Header.PARENT, Header.MINISTRY):
            assert f["organ_name"] in organs
        # the subject is on the page as the truth has it (its lines joined; a licence's title in capitals)
        text = " ".join(gt["text"].split()).casefold()
        subject = f["subject"].casefold()
        rest = subject.removeprefix("giấy phép ").removeprefix("giấy chứng nhận ")
        assert subject in text or rest in text, (kind, f["subject"])
    assert json.loads(path.with_suffix(".gt.json").read_text(encoding="utf-8"))["family"] == "hold"


def test_bench_families_writes_hold_and_hides_its_misses(tmp_path: Path) -> None:
    (path,) = families._write(("hold", 1, 7, str(tmp_path / "hold")))
    assert load_gt(path)["family"] == "hold"
    assert "hold" not in inspect.signature(families.run_sets).parameters["show_misses"].default
    assert "hold" in (families.__doc__ or "") and "never tuned on" in (families.__doc__ or "")
