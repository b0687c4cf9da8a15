"""Every field of the contract table from the recognized pages of one document: the readers of each concern
(layout, number, organ, place and date, type and subject, holder, validity, signer) composed in order, each
given the frozen results it depends on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from digitize.pipeline.fields.annex import Cited, by_annex, cited, read_annex
from digitize.pipeline.fields.certificate import restated_title
from digitize.pipeline.fields.holder import read_holder, read_two_ways
from digitize.pipeline.fields.layout import read_layout
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.fields.number import (
    fit_notation,
    organ_abbreviations,
    own_of_doubted,
    own_part_restored,
    read_notation,
    read_number,
    without_garbled,
)
from digitize.pipeline.fields.organ import (
    checked_by_authority,
    committee_restated,
    complete_parent,
    named_by_notation,
    organ_over_heading,
    province_by_place,
    read_organ,
    restated_organ,
)
from digitize.pipeline.fields.place_date import (
    dated_by_validity,
    place_agreed,
    read_place_date,
    year_as_printed,
)
from digitize.pipeline.fields.result import Builder, Found
from digitize.pipeline.fields.review import REVIEW_THRESHOLD
from digitize.pipeline.fields.signer import (
    Signed,
    blurred_family,
    blurred_given,
    fit_title,
    read_document_signer,
)
from digitize.pipeline.fields.subject import (
    article_opened,
    break_restated,
    case_garbles_lowered,
    compound_comma_dropped,
    correction_undone,
    cut_in_doubt,
    cut_word_restored,
    dash_restored,
    doubted_words,
    end_change_in_doubt,
    end_garble_continued,
    full_title,
    gap_bridged,
    garble_continued,
    garbled_in_doubt,
    holder_restated,
    lead_junk_dropped,
    line_break_bridged,
    lm_repaired,
    lost_after_opening,
    lost_end,
    lost_end_continued,
    lost_head_restored,
    lost_inside_restored,
    lost_opening_restored,
    numeral_lost,
    open_end_continued,
    province_restored,
    province_under,
    read_restated,
    read_subject,
    read_type,
    recorrected,
    rejoined,
    relettered,
    restated,
    subject_lines,
    tidied,
    tone_rival_restored,
    unit_restored,
    unread_word_in_doubt,
    unspecked,
    vv_lines,
    year_restored,
    year_word_restored,
)
from digitize.pipeline.fields.validity import read_validity
from digitize.pipeline.fields.vocab import NOTATION_TYPES
from digitize.pipeline.model import ExtractedField, Extraction, RecognizedPage
from digitize.text import fold


def extract(pages: Sequence[RecognizedPage], today: dt.date | None = None) -> Extraction:
    """Every field of the contract table from the recognized pages of one document, read on ``today`` (the
    day it runs by default: no document is issued after it)."""
    today = today or dt.date.today()
    return issued_by(_extract(pages, today), today)


def _extract(pages: Sequence[RecognizedPage], today: dt.date) -> Extraction:
    res = Builder()
    if not pages:
        return res.extraction()
    all_lines = [ln for p in pages for ln in page_lines(p)]
    first = [ln for ln in all_lines if ln.page == pages[0].index]
    by_page = [[ln for ln in all_lines if ln.page == p.index] for p in pages]
    if not first:
        return res.extraction()

    layout = read_layout(first)
    number = read_number(layout, blurred=pages[0].blurred)  # the header is the first page's
    res.add(number.found)
    # a page without a Decree 30 header (no motto, no number, no organ over a type heading) has no organ,
    # place or công văn subject
    has_header = (
        layout.motto_i is not None
        or number.found.get("code_number") is not None
        or organ_over_heading(layout)
    )
    left = list(layout.left) if has_header else []
    signer = read_document_signer(by_page)
    committee_signs = fold(signer.value("signer_title") or "").endswith("chu tich")
    organ = read_organ(left, number.line_i, committee_signs=committee_signs)
    if pages[0].source == "ocr":
        organ = restated_organ(organ, all_lines)  # a text layer's header is as printed
    blurred = any(p.blurred for p in pages)
    if blurred:
        organ = checked_by_authority(organ, all_lines, signer.value("signer_title"), blurred=blurred)
    organ_name = organ.value("organ_name")
    heading = layout.type_hit[0] if layout.type_hit is not None else None
    notation = read_notation(
        number, organ_name, ocr=pages[0].source == "ocr", blurred=pages[0].blurred, heading_type=heading
    )
    notation = fit_notation(notation, heading, organ_name)
    # a công văn: no type heading over a "V/v" line (its notation opens with the organ's own abbreviation);
    # a garbled part made the organ's own only where nothing else gives the notation (the annex's citation)
    cong_van = heading is None and bool(vv_lines(left, number.line_i, layout.header if has_header else ()))
    guessed = without_garbled(own_part_restored(notation, heading, organ_name, cong_van=cong_van))
    notation = without_garbled(notation)
    if (found_organ := organ.get("organ_name")) is not None and pages[0].source == "ocr":
        notation = own_of_doubted(notation, organ_name, found_organ.confidence)
    if blurred:
        organ = named_by_notation(organ, notation.value("code_notation"))
        organ_name = organ.value("organ_name")
    organs = [v for v in (organ_name, organ.value("parent_organ")) if v]
    place_date = read_place_date(layout, has_header, organs, ocr=pages[0].source == "ocr", today=today)
    # the document as its annex cites it: its notation again where the header's is lost; not a citation of
    # another document (another type than the heading's, another date than the header's)
    cite = cited(all_lines)
    if cite is not None and not organ_cited(cite, notation, organ_name):
        cite = None
    day = place_date.value("issued_date")
    if (
        cite is not None
        and cite.date not in (None, day)
        and heading in (None, cite.type_name)
        and own_citation(cite, number.found, notation)
    ):
        # a header's date in doubt (a blurred digit kept for want of another reading, a misread year's one
        # guess) that the annex, citing the document's own number and notation, gives otherwise: the annex's
        # date (typed), in doubt still
        place_date = annex_dated(place_date, cite)
        day = place_date.value("issued_date")
    if cite is not None and (
        heading not in (None, cite.type_name) or (cite.date is not None and day not in (None, cite.date))
    ):
        cite = None
    notation = by_annex(notation, cite)
    if notation.get("code_notation") is None:
        notation = guessed
    res.add(notation)
    organ = committee_restated(organ, all_lines, place_date.value("place"))
    organ = province_by_place(organ, place_date.value("place"))
    organ = complete_parent(organ, place_date.value("place"), left)
    # the province named twice, in the header and in the date line, spelled as the list or the corpus has it
    place_date, organ = place_agreed(place_date, organ)
    res.add(organ)
    res.add(place_date)
    vv = vv_lines(left, number.line_i, layout.header if has_header else ())
    type_found = read_type(layout, vv, notation, organ_name)
    if (
        type_found.get("type_name") is None
        and cite is not None
        and notation.value("code_notation")
        in (
            None,
            cite.notation,
        )
    ):  # its heading lost; the annex cites it (not another document: the notation read is the one cited)
        type_found = Found((ExtractedField("type_name", cite.type_name, cite.conf),))
    res.add(type_found)
    # the header's number or date written by hand and not read: as the annex cites the document
    res.add(read_annex(all_lines, type_found.value("type_name"), notation.value("code_notation")))
    # an issue date after the day it is read (the annex's "2033" of "2023"): the header's printed year
    grace = today + ISSUED_GRACE  # a document dated the next day stays (``issued_by``)
    printed = year_as_printed(res.fields.get("issued_date"), layout, has_header, grace).get("issued_date")
    if printed is not None:
        res.fields["issued_date"] = printed
    number_read = res.fields.get("code_number")
    if pages[0].blurred and number_read is not None and (own_cite := cited(all_lines)) is not None:
        # a blurred photo's number in doubt (its pen digits read alone: "111" of "1011", k915 dev 008) that
        # the annex, citing the document by its notation and date as read, gives otherwise: the annex's
        res.fields["code_number"] = annex_numbered(number_read, own_cite, res.freeze())
    typed = type_found.value("type_name") is not None
    own = vv or subject_lines(layout, typed=typed)
    subject = restated(read_subject(layout, vv, typed=typed, lines=all_lines), all_lines, own)
    if not vv:
        subject = lost_end(subject, layout, all_lines, own)
    if pages[0].source == "ocr":
        if not vv:  # "dạy / [thêm, học thêm] cho": the body's words lost at a break (a text layer loses none)
            subject = break_restated(subject, layout, all_lines, own)
        subject = garble_continued(subject, own)  # "… xe ô È" under a stamp: as the corpus goes on
        subject = lost_after_opening(subject)  # "Về việc nghị …" in doubt: "đề" as the corpus bridges it
        # "trong [ ] vực": a word a stamp took whole from its line, as the corpus has it
        subject = gap_bridged(subject, own)
        # "xây / [dựng] nông thôn": a word a stamp took whole from a centred line's end, as the corpus has it
        subject = line_break_bridged(subject, own, layout)
        if (
            not vv
        ):  # "Giấy phép [kinh] doanh …": a title's first word a stamp took whole, as the corpus has it
            subject = lost_opening_restored(subject, own, layout)
        subject = end_garble_continued(subject, own, all_lines)  # "… cơ quan nhà nHDÊN": its last word
        if not vv:  # "… khám bệnh, chữa [bệnh]": a centred line's last word a stamp took, as the corpus says
            subject = lost_end_continued(subject, layout, own)
        # "năấi 2030": "năm" before its year, before the model makes the garble another syllable ("nại")
        subject = recorrected(year_word_restored(subject, nam_like=True), own)  # a text layer's: as written
        if not vv:  # (a công văn's subject after "V/v" opens in small letters as written)
            subject = article_opened(subject, own, all_lines)  # "chi tiết …" under "Điều 1. Quy định …"
        subject = read_restated(subject, own, all_lines)  # "kinh doanh được" of "dược" as the body prints it
        subject = rejoined(subject, own)  # a word a stamp's side cut in two
        subject = lost_inside_restored(case_garbles_lowered(subject, own))  # "c áy, cHữa": a stroke over them
        subject = lost_head_restored(subject, own)  # "cụm 2€ông nghiệp": a stamp's marks over its "c"
        subject = dash_restored(subject, own)  # "kinh tế ‹ › xã hội": its dash dropped
        subject = cut_word_restored(subject)  # "hành chí năm 2020": a word's last letters cut off
        subject = open_end_continued(subject)  # "… khai thác khoáng" in doubt: "sản" as the corpus goes on
        subject = unspecked(doubted_words(subject, own), own)
        subject = unit_restored(province_restored(subject, own, place_date.value("place")), own)
        # "… địa bàn tỉnh" then "Nguyên" on the line under it, "Thái" under a stamp: the page's province
        subject = province_under(subject, own, all_lines, place_date.value("place"))
        if not vv:
            subject = lead_junk_dropped(subject, own)  # "3 “hoạt động …": a stamp's number over its start
    subject = cut_in_doubt(full_title(type_found.value("type_name"), subject))
    if pages[0].source == "ocr":
        subject = tidied(subject)
    if blurred:
        subject = relettered(subject, own)
    holder = read_holder(all_lines, subject.get("subject"), blurred=blurred)
    holder_name = holder.value("holder_name")
    subject = holder_restated(subject, holder_name, own, two_ways=read_two_ways(all_lines, holder_name))
    subject = restated_title(
        subject, type_found.value("type_name"), all_lines, blurred=blurred, own=own, layout=layout
    )
    subject = year_word_restored(subject)
    if pages[0].source == "ocr":
        # a year misread or cut off: a text layer's year is as written
        subject = year_restored(subject, place_date.value("issued_date"), own, all_lines)
        # a sharp page's words that are no syllable, after the body and the title restored what they could
        subject = numeral_lost(subject if blurred else relettered(subject, own, blurred=False))
        # "quản IV cụm …": the one syllable the model prefers by far (OCR'd pages only: a text layer's words
        # are as printed, and its confidences say nothing)
        subject = correction_undone(year_word_restored(subject, own=own), own)  # "lưu trừ" of "¡trữ" read
        subject = lm_repaired(subject, own)  # "công ăm 2024": "năm" misread (``year_word_restored``)
        subject = tone_rival_restored(subject, own)  # "kêu gọi đầu từ năm": a stamp's mark read as a tone's
        # a word no print has left in it (a garble no repair took), or a bracket unpaired: to review
        subject = garbled_in_doubt(compound_comma_dropped(subject), own)  # "sản, phẩm": a speck's comma
        subject = unread_word_in_doubt(subject, own)  # "đầu tư có ga 2019": "ga" a stamp's strokes at 32
        subject = end_change_in_doubt(subject, own)  # "… hóa lớn" of "lồn" (66): the corrector's guess
    res.add(subject)
    res.add(holder)
    # (a holder's tax code or ID with its name lost, a blurred photo's garbled label line, still says the act
    # grants something to a holder)
    held = holder.value("holder_name") or holder.value("holder_id")
    if "issued_date" not in res.fields:
        # a date line read as no day of the calendar: the day the validity ends, one digit away, tells it
        until = read_validity(all_lines, None, held).get("valid_until")
        res.add(dated_by_validity(layout, has_header, until, all_lines))
    res.add(read_validity(all_lines, res.fields.get("issued_date"), held))
    organ_field = organ.get("organ_name")
    organ_conf = (
        organ_field.confidence if organ_field is not None and organ_field.value == organ_name else 0.0
    )
    signed = fit_title(signer, organ_name, notation.value("code_notation"), organ_conf=organ_conf)
    # the name's letters read as a blur's look-alikes only on a blurred page it was read on: a blank page
    # with a faint seal or a receipt page behind a sharp signed one is no blur of the name ("Hoa" (96) of
    # "Hoa Trung Phú Tập" on a sharp page 1 was made "Hứa", page 2 blurred: wide seed 639 dev 011)
    signer_page = signer.page if isinstance(signer, Signed) else None
    name_blurred = pages[signer_page].blurred if signer_page is not None else blurred
    res.add(blurred_given(blurred_family(signed)) if name_blurred else signed)
    if blurred:
        return blurred_in_doubt(res.extraction())
    return res.extraction()


def own_citation(cite: Cited, number: Found, notation: Found) -> bool:
    """Whether the annex's citation names the header's own number and notation as read (the ones it leaves
    unread aside): the document itself, not another of its type."""
    read_number, read_notation = number.value("code_number"), notation.value("code_notation")
    if read_number is None and read_notation is None:
        return False  # nothing to tell the document from another of its type the annex cites
    return (read_number is None or read_number == cite.number) and (
        read_notation is None or fold(read_notation).lower() == fold(cite.notation).lower()
    )


def organ_cited(cite: Cited, notation: Found, organ_name: str | None) -> bool:
    """Whether a citation of a type with no notation abbreviation (a Công văn: "22/UBND-KT") may be the
    document's own where the header read no notation: its notation's head is an abbreviation of the organ read
    (a Sở GD&ĐT letter's annex citing "Công văn số 123/UBND-KT" cites the committee's letter, not its own;
    REVIEW-cf45 L1). A type's own abbreviation ("QĐ-…") says what it cites; a notation read says it too."""
    if cite.type_name in NOTATION_TYPES.values() or notation.value("code_notation") is not None:
        return True
    if organ_name is None:
        return True  # no organ read to tell the cited letter's from
    head = fold(cite.notation.split("-")[0]).lower()
    return head in {fold(a).lower() for a in organ_abbreviations(organ_name)}


def annex_dated(place_date: Found, cite: Cited) -> Found:
    """``place_date`` with its issue date in doubt (under ``REVIEW_THRESHOLD``) given as ``cite`` gives it, in
    doubt (``cite.conf``); as it was otherwise (a sure date is the header's own: a citation giving another
    cites another document)."""
    f = place_date.get("issued_date")
    if f is None or f.confidence >= REVIEW_THRESHOLD or cite.date is None:
        return place_date
    dated = replace(f, value=cite.date, confidence=cite.conf)
    return Found(tuple(dated if g.name == "issued_date" else g for g in place_date.fields))


def annex_numbered(number: ExtractedField, cite: Cited, found: Found) -> ExtractedField:
    """The header's number in doubt (under ``REVIEW_THRESHOLD``) as ``cite`` gives it where the citation names
    the document by the notation and the issue date ``found`` holds, in doubt; as it was otherwise (a sure
    number is the header's own; a citation of another notation or date cites another document)."""
    if number.value is None or number.confidence >= REVIEW_THRESHOLD:
        return number
    notation, day = found.value("code_notation"), found.value("issued_date")
    if notation is None or day is None or cite.date != day or number.value == cite.number:
        return number
    if fold(notation).lower() != fold(cite.notation).lower():
        return number
    return replace(number, value=cite.number, confidence=min(number.confidence, cite.conf))


# a day's grace after the day a document is read for an issue date (the clock of another time zone)
ISSUED_GRACE = dt.timedelta(days=1)
AFTER_TODAY_CONF = 0.3  # an issue date after the day it is read: a digit misread ("2028" of "2023")


def issued_by(extraction: Extraction, today: dt.date) -> Extraction:
    """``extraction`` with an issue date after ``today`` (and a day's grace) in doubt: no document is issued
    after the day it is read, its date was misread."""
    f = extraction.fields.get("issued_date")
    if f is None or f.value is None or f.confidence <= AFTER_TODAY_CONF:
        return extraction
    try:
        day = dt.date.fromisoformat(f.value)
    except ValueError:
        return extraction
    if day <= today + ISSUED_GRACE:
        return extraction
    return Extraction({**extraction.fields, "issued_date": replace(f, confidence=AFTER_TODAY_CONF)})


# the fields a blurred page's letters give as read, no vocabulary to restore them (a person's name, a subject,
# a holder): taken at most this sure (under review.REVIEW_THRESHOLD). On the forced-blur sets 85 and 87 a blur
# changed a tone mark or a letter in 7 of 64 such values taken sure ("Lê Minh Hung" of "Hùng" at 0.96,
# "Đặng Quốc Dùng" of "Dũng" at 0.91, "quý HH" of "quý III" at 0.8, "Công ty Cổ piiãn …" at 0.81); an organ,
# a title, a place or a type is matched to its vocabulary, which restores its marks
BLURRED_TEXT_FIELDS = ("signer_name", "holder_name", "subject")
BLURRED_TEXT_CONF = 0.55


def blurred_in_doubt(extraction: Extraction) -> Extraction:
    """``extraction`` with the fields a blurred page's letters give as read (``BLURRED_TEXT_FIELDS``) in
    doubt."""
    fields = dict(extraction.fields)
    for name in BLURRED_TEXT_FIELDS:
        f = fields.get(name)
        if f is not None and f.value is not None and f.confidence > BLURRED_TEXT_CONF:
            fields[name] = replace(f, confidence=BLURRED_TEXT_CONF)
    return Extraction(fields)
