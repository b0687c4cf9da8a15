from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digitize.store import db
from digitize.store.search import search, tokens
from digitize.store.service import correct_fields, list_documents, revoke, supersede
from tests.support.store_data import stored_document


def _corpus(tmp: Path) -> dict[str, str]:
    return {
        "an": stored_document(
            tmp,
            "an.pdf",
            {
                "type_name": "Giấy phép",
                "holder_name": "Nguyễn Văn An",
                "holder_id": "0101234567",
                "place": "Đà Nẵng",
                "issued_date": "2021-06-15",
                "valid_until": "2026-06-15",
            },
            text="GIẤY PHÉP tiến hành công việc bức xạ cấp cho ông Nguyễn Văn An",
        ),
        "binh": stored_document(
            tmp,
            "binh.pdf",
            {
                "type_name": "Quyết định",
                "holder_name": "Công ty TNHH Bình Minh",
                "holder_id": "0400111222",
                "place": "Yên Bái",
                "issued_date": "2020-01-02",
            },
            text="QUYẾT ĐỊNH về việc cấp giấy chứng nhận cho Công ty TNHH Bình Minh",
        ),
        "dung": stored_document(
            tmp,
            "dung.pdf",
            {
                "type_name": "Giấy chứng nhận",
                "holder_name": "Trần Thị Dung",
                "holder_id": "001099000123",
                "place": "Đà Nẵng",
                "valid_from": "2022-01-01",
                "valid_until": "2023-12-31",
            },
            text="GIẤY CHỨNG NHẬN đủ điều kiện, bà Trần Thị Dung",
        ),
    }


def test_tokens_fold() -> None:
    assert tokens("Đà Nẵng, Nguyễn-Văn An!") == ["da", "nang", "nguyen", "van", "an"]


def test_search_folds_diacritics_and_filters(database: str, tmp_path: Path) -> None:
    ids = _corpus(tmp_path)
    with db.session() as s:
        assert search(s, "Nguyen Van An").ids == [ids["an"]]
        assert search(s, "nguyễn văn an").ids == [ids["an"]]
        assert set(search(s, "da nang").ids) == {ids["an"], ids["dung"]}
        assert set(search(s, "ĐÀ NẴNG").ids) == {ids["an"], ids["dung"]}
        assert search(s, "binh minh").ids == [ids["binh"]]
        assert search(s, "bức xạ").ids == [ids["an"]]
        assert search(s, "khong co gi").ids == []
        # filters of the contract
        assert search(s, "da nang", type_name="giay phep").ids == [ids["an"]]
        assert search(s, None, type_name="Giấy chứng nhận").ids == [ids["dung"]]
        assert search(s, None, holder_id="0400111222").ids == [ids["binh"]]
        assert search(s, "da nang", valid_on=date(2023, 6, 1)).total == 2
        assert search(s, "da nang", valid_on=date(2025, 1, 1)).ids == [ids["an"]]
        assert search(s, None, valid_on=date(2021, 6, 14)).ids == [ids["binh"]]
        assert search(s, None).total == 3
        page = search(s, None, limit=2)
        assert len(page.ids) == 2 and page.total == 3


def test_correction_reindexes_and_validity_decisions(database: str, tmp_path: Path) -> None:
    ids = _corpus(tmp_path)
    with db.session() as s:
        correct_fields(s, ids["binh"], {"holder_name": "Công ty Cổ phần Ánh Dương"}, by="user:reviewer1")
    with db.session() as s:
        assert search(s, "anh duong").ids == [ids["binh"]]
        # OCR text still indexed; the old field value is gone from the fields part
        assert search(s, "co phan").ids == [ids["binh"]]
        revoke(
            s,
            ids["an"],
            reason="Vi phạm điều kiện cấp phép",
            by="user:officer",
            at=datetime(2024, 12, 1, 8, 0, tzinfo=UTC),
        )
    with db.session() as s:
        assert search(s, "da nang", valid_on=date(2025, 1, 1)).ids == []
        assert search(s, "nguyen van an", valid_on=date(2024, 11, 30)).ids == [ids["an"]]
        supersede(s, ids["dung"], by_document=ids["an"], reason="Cấp lại", by="user:officer")
    with db.session() as s:
        listed = list_documents(s, q="tran thi dung")
        assert listed["total"] == 1
        item = listed["items"][0]
        assert item["validity"]["status"] == "superseded"
        assert item["validity"]["superseded_by"] == ids["an"]
        assert item["fields"]["holder_name"] == "Trần Thị Dung"
        assert item["provenance"]["sha256"]


def test_totals_are_capped_and_flagged(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digitize.store import search as search_mod

    _corpus(tmp_path)
    monkeypatch.setattr(search_mod, "COUNT_CAP", 2)
    monkeypatch.setattr(search_mod, "RANK_LIMIT", 1)
    with db.session() as s:
        everything = search(s, None)
        assert (everything.total, everything.exact) == (2, False)
        assert len(everything.ids) == 3  # the page itself is not capped
        filtered = search(s, "da nang", type_name="Giấy phép")
        assert (filtered.total, filtered.exact) == (1, True)
        broad = search(s, "giay")  # more matches than RANK_LIMIT: newest first
        assert len(broad.ids) == 3 and broad.total >= 2


def test_valid_on_filter_agrees_with_the_validity_status(database: str, tmp_path: Path) -> None:
    """``valid_on`` returns exactly the records whose validity status that day is "valid" (one rule)."""
    from digitize.validity import status_for_fields

    corpus = {
        # a licence with an end date: in force from issue to that day, both included
        "licence": {"type_name": "Giấy phép", "issued_date": "2021-06-15", "valid_until": "2026-06-15"},
        # its end date unknown (not read from the scan): status "unknown", never "in force"
        "no_end": {"type_name": "Giấy phép", "valid_from": "2022-03-01"},
        # a decision: in force from signing, no end date by nature
        "decision": {"type_name": "Quyết định", "issued_date": "2020-01-02"},
        # no dates at all
        "nothing": {"type_name": "Giấy chứng nhận"},
        # inconsistent dates (end before start)
        "inverted": {"type_name": "Giấy chứng nhận", "valid_from": "2024-01-01", "valid_until": "2023-01-01"},
    }
    ids = {name: stored_document(tmp_path, f"{name}.pdf", fields) for name, fields in corpus.items()}
    days = [date(2019, 12, 31), date(2020, 1, 2), date(2021, 6, 14), date(2021, 6, 15), date(2022, 3, 1)]
    days += [date(2023, 6, 1), date(2026, 6, 15), date(2026, 6, 16)]
    with db.session() as s:
        for day in days:
            found = set(search(s, None, valid_on=day).ids)
            expected = {ids[n] for n, f in corpus.items() if status_for_fields(f, as_of=day) == "valid"}
            assert found == expected, day
        assert ids["no_end"] not in search(s, None, valid_on=date(2023, 6, 1)).ids
        assert search(s, None, valid_on=date(2021, 6, 15)).ids.count(ids["licence"]) == 1


def test_a_correction_too_long_for_its_field_is_refused_whole(database: str, tmp_path: Path) -> None:
    from digitize.errors import BadInput
    from digitize.pipeline.model import FIELD_MAX_CHARS
    from digitize.store.service import field_history

    ids = _corpus(tmp_path)
    with db.session() as s, pytest.raises(BadInput) as e:
        correct_fields(
            s,
            ids["binh"],
            {"place": "Hà Nội", "holder_name": "A" * (FIELD_MAX_CHARS["holder_name"] + 1)},
            by="user:reviewer1",
        )
    assert "holder_name" in str(e.value)
    with db.session() as s:
        assert field_history(s, ids["binh"]) == []
        assert search(s, "ha noi").ids == []
