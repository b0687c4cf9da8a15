"""The ``corp`` family (tuned on): its pools come from ``samples/data/corpus_pools.json`` (derived from the
public-domain corpus by ``tools/build_corpus_pools.py``), every pool is filled, its documents generate with
NFC ground truth, and adding it changed no other family's documents."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
import unicodedata
from dataclasses import fields as dc_fields
from pathlib import Path
from types import ModuleType

import pytest

from samples import heldout_names, stacks
from samples.axes import FAMILY_SEED_BASE, VARIED_KINDS, Family, Pools, draw_axes, pools
from samples.varied import make_varied_content, make_varied_document, write_varied

REPO = Path(__file__).resolve().parents[2]
SMALL = ("provinces", "middle_f", "given_f")
NAME_FIELDS = ("surnames", "middle_m", "middle_f", "given_m", "given_f")


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_corpus_pools", REPO / "tools" / "build_corpus_pools.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_corpus_pools"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_corp_is_a_family_with_seeds_of_its_own() -> None:
    assert Family("corp") is Family.CORP
    assert FAMILY_SEED_BASE[Family.CORP] == 17_000_000
    assert len(set(FAMILY_SEED_BASE.values())) == len(Family)
    assert len(set(stacks.FAMILY_BASE.values())) == len(Family)


def test_every_corp_pool_is_filled_from_the_json() -> None:
    p = pools("corp")
    data = json.loads((REPO / "samples" / "data" / "corpus_pools.json").read_text(encoding="utf-8"))
    for f in dc_fields(p):
        if f.name == "family":
            continue
        values = getattr(p, f.name)
        # few once eval's and hold's values are left out: two provinces (old ones: eval's and hold's are
        # nearly all 63), two women's middle and given names; kept so rather than drawn from theirs
        assert len(values) >= (2 if f.name in SMALL else 3), f.name
    assert set(p.surnames) <= set(data["surnames"])
    assert {d.name for d in p.depts} <= {d for d, _ in data["depts"]}
    # an organ's abbreviation is its name's initials behind S (a Sở), as the corpus's notations write them
    assert ("Sở Y tế", "SYT") in {(d.name, d.abbr) for d in p.depts}
    for name in p.surnames + p.given_m + p.given_f:
        assert unicodedata.is_normalized("NFC", name) and " " not in name


def _values(p: Pools) -> set[str]:
    """Every string of a family's pools, its organs' included, casefolded."""
    out: set[str] = set()
    for f in dc_fields(p):
        v = getattr(p, f.name)
        for x in v if isinstance(v, tuple) else ():
            if isinstance(x, str):
                out.add(x.casefold())
            else:
                for g in dc_fields(x):
                    y = getattr(x, g.name)
                    out.update(z.casefold() for z in (y if isinstance(y, tuple) else (y,)))
    return out


def _syllables(p: Pools) -> set[str]:
    return {w.casefold() for f in NAME_FIELDS for v in getattr(p, f) for w in v.split()}


def test_corp_shares_no_value_with_the_measured_families_nor_a_held_out_syllable() -> None:
    # corp is tuned on: a value of eval's or hold's (measure only) in it would tune on what they measure
    corp = pools("corp")
    held = {w.casefold() for w in (*heldout_names.FAMILY, *heldout_names.MIDDLE, *heldout_names.GIVEN)}
    units = {u.casefold() for d in corp.depts for u in d.units}
    for fam in ("eval", "hold"):
        # the units' "VP" (Văn phòng) is every family's office
        assert not (_values(corp) - units) & _values(pools(fam)), fam
        assert not _syllables(corp) & _syllables(pools(fam)), fam
    assert not _syllables(corp) & held
    assert not _values(corp) & held


def test_corp_documents_generate_with_nfc_ground_truth() -> None:
    for i, kind in enumerate(VARIED_KINDS):
        ax = draw_axes(random.Random(f"t:{i}"), kind)
        content, _ = make_varied_content(ax, FAMILY_SEED_BASE[Family.CORP] + i, "corp")
        for name, value in content.fields.items():
            if value is not None:
                assert unicodedata.is_normalized("NFC", value), name
        signer = content.fields["signer_name"]
        assert signer is not None and signer.split()[0] in pools("corp").surnames


def test_a_written_corp_document_has_its_family_and_fields(tmp_path: Path) -> None:
    doc = make_varied_document(3, "corp")
    path = write_varied(doc, tmp_path / "c")
    gt = json.loads(next(tmp_path.glob("*.gt.json")).read_text(encoding="utf-8"))
    assert path.exists() and gt["family"] == "corp"
    assert gt["fields"]["organ_name"] and gt["fields"]["signer_name"]


# alt seed 5 as written before the corp family was added (base 1d12626a): image bytes and ground truth
ALT5_IMAGE = "0a114caec9c6c7e9f83fd0e51658028719fce7500333665a7d83439e0b2601e3"
ALT5_GT = "b6137198fbe2c07faff7c8444db376e916b0c45dd69b13a8daffdd3cc045b56f"


def test_other_families_documents_are_unchanged(tmp_path: Path) -> None:
    path = write_varied(make_varied_document(5, "alt"), tmp_path / "x")
    gt = next(tmp_path.glob("*.gt.json"))
    assert hashlib.sha256(gt.read_bytes()).hexdigest() == ALT5_GT
    assert hashlib.sha256(path.read_bytes()).hexdigest() == ALT5_IMAGE


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A tiny corpus of the congbao layout, written here (never ../shared)."""
    text = tmp_path / "congbao" / "text"
    text.mkdir(parents=True)
    for i, (signer, title) in enumerate(
        (
            ("Trần Thị Thu Hà", "Quy định chi tiết về hồ sơ đăng ký hoạt động"),
            ("Lê Quang Vinh", "Quy định về quản lý tài sản công"),
        )
    ):
        (text / f"d{i}.txt").write_text(
            "BỘ TÀI CHÍNH\n\nSố: 1{i}/2020/TT-BTC\n\nTHÔNG TƯ\n"
            f"{title}\n\nCăn cứ Thông tư số 0{i}/2019/TT-BTC ngày 1/2/2019 của Bộ Tài chính;\n"
            "Sở Tài chính, Bộ Tài chính, Cục Quản lý công sản, Cục Quản lý công sản;\n"
            "Cấp Giấy phép kinh doanh dịch vụ kế toán, Giấy phép kinh doanh dịch vụ kế toán.\n"
            f"Nơi nhận:\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n{signer}\n",
            encoding="utf-8",
        )
    syl = tmp_path / "syllables"
    syl.mkdir()
    (syl / "vinlp_all-vietnamese-syllables.txt").write_text(
        "\n".join(["trần", "thị", "thu", "hà", "lê", "quang", "vinh", "quản", "lý", "công", "sản"]),
        encoding="utf-8",
    )
    return tmp_path


def test_the_builder_derives_names_organs_and_titles_by_pattern(corpus: Path) -> None:
    out = _builder().build(corpus)
    assert out["surnames"] == ["Lê", "Trần"]
    assert out["middle_f"] == ["Thị Thu"] and out["given_f"] == ["Hà"]
    assert out["middle_m"] == ["Quang"] and out["given_m"] == ["Vinh"]
    assert ["BTC", "Bộ Tài chính"] in out["ministries"]
    assert ["Sở Tài chính", "STC"] in out["depts"]
    assert "Quy định về quản lý tài sản công" in out["titles"]
    assert "Giấy phép kinh doanh dịch vụ kế toán" in out["licences"]


def test_the_builder_leaves_out_names_cut_short_and_marks_glued_on(tmp_path: Path) -> None:
    # review: "Quân đội1" (a footnote's mark), places that are a longer name's first words ("Hoàng Văn" of
    # "Hoàng Văn Thụ", "Trưởng Công" of "Trưởng Công an") or the country, a middle name one signer bears
    # ("Sinh Nhật"), a ministry cut short ("Bộ Giáo dục"), a Cục's abbreviation a notation's type ("TT" of
    # a Thông tư), a Cục's name cut at its comma ("Cục Xuất bản, In và Phát hành")
    text = tmp_path / "congbao" / "text"
    text.mkdir(parents=True)
    body = (
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 1{i}/2020/TT-BGDĐT\n\nTHÔNG TƯ\n"
        "Quy định về đăng ký thuế tại Quân đội1\n\n"
        "Căn cứ Thông tư số 2{i}/2019/TT-BGDĐT và Công văn số 3{i}/BGD-VP, số 4{i}/BGD-VP;\n"
        "Bộ Giáo dục và Đào tạo, Bộ Giáo dục;\n"
        "Cục Trồng trọt, Bộ Giáo dục và Đào tạo;\nCục Xuất bản, In và Phát hành;\n"
        "Cục Xuất bản, Bộ Giáo dục và Đào tạo;\n"
        "xã Hoàng Văn Thụ, xã Tân Lập, xã Việt Nam, huyện Trưởng Công an tỉnh.\n"
        "Nơi nhận:\n- Lưu: VT.\n\nBỘ TRƯỞNG\n\n{signer}\n"
    )
    signers = ("Nguyễn Sinh Nhật Tân", "Lê Văn Hoàng", "Lê Văn Lập")
    for i, signer in enumerate(signers):
        (text / f"d{i}.txt").write_text(body.format(i=i, signer=signer), encoding="utf-8")
    syl = tmp_path / "syllables"
    syl.mkdir()
    words = "nguyễn sinh nhật tân lê văn hoàng lập thụ việt nam trưởng công xuất bản in phát hành trồng trọt"
    (syl / "vinlp_all-vietnamese-syllables.txt").write_text("\n".join(words.split()), encoding="utf-8")
    out = _builder().build(tmp_path)
    assert "Sinh Nhật" not in out["middle_m"] and "Văn" in out["middle_m"]
    assert "Quy định về đăng ký thuế tại Quân đội" in out["titles"]
    assert ["BGDĐT", "Bộ Giáo dục và Đào tạo"] in out["ministries"]
    assert "Bộ Giáo dục" not in {m for _, m in out["ministries"]}
    assert out["places"] == ["Tân Lập"]
    agencies = {a: ab for a, ab, _ in out["agencies"]}
    assert "Cục Trồng trọt" not in agencies
    assert agencies.get("Cục Xuất bản, In và Phát hành") == "XBIPH"
