"""The varied generator: documents drawn along independent axes (``samples.axes``), in families (``dev``,
``alt``, ``corp`` tuned on; ``eval``, ``hold`` only measured). ``corp`` is a TUNE-ON family whose content
(names, organs, notations, titles, licences) comes from the public-domain Official Gazette corpus
(``samples/data/corpus_pools.json``), not from lists we wrote.

    doc = make_varied_document(7, family="eval")                 # axes drawn from the seed
    doc = make_varied_document(7, family="dev", axes=Axes(kind="chi_thi", colour=Colour.BITONAL, dpi=200))
    images = scanned_pages(doc)                                   # colour mode, resolution, photo effects
    path = write_varied(doc, Path("out/0001"))                    # file + <name>.gt.json (fields, axes)

Content (names, organs, places, companies, subjects) comes from the family's pools, so two families'
documents never share a value drawn from a pool (but the provinces ``alt`` and ``hold`` share with ``dev``);
every document's RNG is keyed by family, kind and seed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageFilter

from samples import generate as g
from samples.axes import (
    CITIES,
    FAMILY_SEED_BASE,
    MARGINS_PT,
    VARIED_KINDS,
    Axes,
    Colour,
    Family,
    Header,
    Photo,
    Pools,
    SignForm,
    Tail,
    draw_axes,
    draw_balanced,
    fit_sign,
    pools,
)

LAWS_EXTRA = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
    "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện thủ tục hành "
    "chính trên môi trường điện tử;",
)
PARAS = (
    "Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch, bố trí nguồn lực "
    "và tổ chức thực hiện nghiêm túc, hiệu quả các nội dung nêu trên.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước người đứng đầu về kết quả thực hiện nhiệm vụ "
    "thuộc phạm vi quản lý; định kỳ hằng quý báo cáo kết quả về cơ quan thường trực để tổng hợp.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh để được hướng dẫn "
    "giải quyết theo thẩm quyền hoặc báo cáo cấp có thẩm quyền xem xét, quyết định.",
    "Việc lưu trữ, số hóa hồ sơ phải bảo đảm tính xác thực, toàn vẹn và an toàn thông tin; dữ liệu sau số "
    "hóa được cập nhật vào hệ thống thông tin giải quyết thủ tục hành chính.",
)


def _upper(text: str) -> str:
    return g.nfc(text.upper())


def _name(rng: random.Random, p: Pools) -> str:
    if rng.random() < 0.65:
        return f"{rng.choice(p.surnames)} {rng.choice(p.middle_m)} {rng.choice(p.given_m)}"
    return f"{rng.choice(p.surnames)} {rng.choice(p.middle_f)} {rng.choice(p.given_f)}"


def person_from(rng: random.Random, family: Family | str) -> str:
    """A full name from ``family``'s pools."""
    return _name(rng, pools(family))


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _left_width(axes: Axes, widest: float) -> float:
    return g.header_left_width(str(axes.font), MARGINS_PT[axes.margins], widest)


def make_varied_content(
    axes: Axes, seed: int, family: Family | str, extra_paragraphs: int = 0
) -> tuple[g.Content, dict[str, Any]]:
    """What the document says, and what the layout needs beyond it (stamp values, annex names)."""
    fam = Family(family)
    p = pools(fam)
    rng = random.Random(f"{fam}:{axes.kind}:{seed}")
    kind = axes.kind
    province = rng.choice(p.provinces)
    level = "thành phố" if province in CITIES else "tỉnh"
    mst_prefix = f"{rng.randrange(1, 97):02d}"
    issued = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(0, 9 * 365))
    number = str(rng.choice((rng.randrange(1, 100), rng.randrange(100, 1000), rng.randrange(1000, 3000))))
    font = str(axes.font)
    dept = rng.choice(p.depts)
    agency = rng.choice(p.agencies)

    licences: tuple[str, ...]
    certificates: tuple[str, ...]
    units: tuple[str, ...]
    if axes.header is Header.ONE_ORGAN:
        organ_name = f"Ủy ban nhân dân {level} {province}"
        parent: str | None = None
        header_left: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", _upper(f"{level} {province}"))
        parent_lines = 0
        abbr = "UBND"
        head, head_t, deputy, deputy_t = "CHỦ TỊCH", "Chủ tịch", "PHÓ CHỦ TỊCH", "Phó Chủ tịch"
        authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN " + _upper(f"{level} {province}")
        licences, certificates, activity, units = (
            dept.licences,
            dept.certificates,
            dept.activity,
            ("VP", "KT"),
        )
        place = province
    elif axes.header is Header.COURT:
        court, abbr, head, head_t = rng.choice(
            (
                ("Tòa án nhân dân", "TAND", "CHÁNH ÁN", "Chánh án"),
                ("Viện kiểm sát nhân dân", "VKSND", "VIỆN TRƯỞNG", "Viện trưởng"),
            )
        )
        deputy, deputy_t = "PHÓ " + head, "Phó " + head_t
        organ_name = f"{court} {level} {province}"
        parent = None
        header_left = (_upper(court), _upper(f"{level} {province}"))
        parent_lines = 0
        authority = f"{head} {_upper(organ_name)}"
        licences, certificates, activity, units = dept.licences, dept.certificates, dept.activity, ("VP",)
        place = province
    elif axes.header is Header.MINISTRY:
        organ_name = agency.name
        parent = agency.ministry
        par = tuple(g._wrap(_upper(agency.ministry), "regular", 12.5, _left_width(axes, 230), font=font))
        org = tuple(g._wrap(_upper(agency.name), "bold", 12.5, _left_width(axes, 215), font=font))
        header_left = (*par, *org)
        parent_lines = len(par)
        abbr = agency.abbr
        head, head_t, deputy, deputy_t = "CỤC TRƯỞNG", "Cục trưởng", "PHÓ CỤC TRƯỞNG", "Phó Cục trưởng"
        authority = "CỤC TRƯỞNG " + _upper(agency.name)
        licences, certificates, activity, units = (
            agency.licences,
            agency.certificates,
            agency.activity,
            ("VP",),
        )
        place = "Hà Nội"
    else:
        organ_name = dept.name
        parent = f"UBND {level} {province}"
        par = tuple(g._wrap(_upper(parent), "regular", 12.5, _left_width(axes, 230), font=font))
        org = tuple(g._wrap(_upper(dept.name), "bold", 12.5, _left_width(axes, 215), font=font))
        header_left = (*par, *org)
        parent_lines = len(par)
        abbr = dept.abbr
        head, head_t, deputy, deputy_t = "GIÁM ĐỐC", "Giám đốc", "PHÓ GIÁM ĐỐC", "Phó Giám đốc"
        authority = "GIÁM ĐỐC " + _upper(dept.name)
        licences, certificates, activity, units = dept.licences, dept.certificates, dept.activity, dept.units
        place = province

    holder_name: str | None = None
    holder_id: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    address = f"Số {rng.randrange(1, 300)}, đường {rng.choice(p.streets)}, {level} {province}"
    company = f"{rng.choice(p.company_forms)} {rng.choice(p.company_trades)} {rng.choice(p.company_brands)}"
    tax = g.with_check_digit(mst_prefix + "".join(str(rng.randrange(10)) for _ in range(8)))
    if rng.random() < 0.15:
        tax += f"-{rng.randrange(1, 20):03d}"
    fmt = {
        "y": issued.year,
        "q": rng.choice(("quý I", "quý II", "quý III", "quý IV", "6 tháng đầu")),
        "m": issued.month,
        "place": f"{level} {province}",
    }
    body: list[tuple[str, str]] = []
    vv_lines: tuple[str, ...] = ()
    type_line: str | None
    subject_lines: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ("- Như trên;", "- Lưu: VT.")
    laws = rng.sample(g.LAWS[1:4] + LAWS_EXTRA, 3)
    fill = rng.sample(PARAS, 2)

    def until_words(years: tuple[int, ...]) -> dt.date:
        return issued.replace(year=issued.year + rng.choice(years), day=min(issued.day, 28))

    if kind == "quyet_dinh":
        type_name, type_line, notation = "Quyết định", "QUYẾT ĐỊNH", f"QĐ-{abbr}"
        if rng.random() < 0.5:
            holder_name, holder_id = company, tax
            licence = rng.choice(licences + certificates)
            verb = rng.choice(("cấp", "gia hạn", "cấp lại"))
            subject = f"Về việc {verb} {licence} cho {company}"
            art1 = (
                f"Điều 1. {verb.capitalize()} {licence} cho {company}, mã số thuế: {tax}, địa chỉ: {address}."
            )
            if rng.random() < 0.5:
                until = until_words((2, 3, 5))
                valid_until = until.isoformat()
                art2 = (
                    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và có hiệu lực đến "
                    f"{g._date_words(until)}."
                )
            else:
                art2 = "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
            valid_from = issued.isoformat()
        else:
            subject = rng.choice(p.decision_subjects).format(**fmt)
            art1 = (
                "Điều 1. "
                + subject.removeprefix("Về việc ").capitalize()
                + " (chi tiết tại Phụ lục kèm theo)."
            )
            art2 = "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
        subject_lines = tuple(g._wrap(subject, "bold", 14, 400, font=font))
        body.append(("center-bold", authority))
        body.extend(("para", law) for law in laws)
        body.append(("para", "Theo đề nghị của Chánh Văn phòng."))
        body.append(("center-bold", "QUYẾT ĐỊNH:"))
        body.append(("para", art1))
        body.append(("para", art2))
        body.append(
            (
                "para",
                "Điều 3. Chánh Văn phòng và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách "
                "nhiệm thi hành Quyết định này./.",
            )
        )
        recipients = ("- Như Điều 3;", "- Lưu: VT, " + units[0] + ".")
    elif kind == "chi_thi":
        type_name, type_line, notation = "Chỉ thị", "CHỈ THỊ", f"CT-{abbr}"
        subject = rng.choice(p.directive_subjects).format(**fmt)
        subject_lines = tuple(g._wrap(subject, "bold", 14, 400, font=font))
        body.append(("para", fill[0]))
        body.append(("para", f"Để khắc phục tình trạng trên, {head_t} {_lower_first(organ_name)} yêu cầu:"))
        body.append(("para", "1. " + fill[1]))
        body.append(("para", "2. Giao Văn phòng theo dõi, đôn đốc việc thực hiện Chỉ thị này./."))
        recipients = ("- Các sở, ban, ngành;", "- Lưu: VT.")
    elif kind == "bao_cao":
        type_name, type_line, notation = "Báo cáo", "BÁO CÁO", f"BC-{abbr}"
        subject = rng.choice(p.report_subjects).format(**fmt)
        subject_lines = tuple(g._wrap(subject, "bold", 14, 400, font=font))
        body.append(("para", f"Thực hiện chỉ đạo của cấp trên, {organ_name} báo cáo như sau:"))
        body.append(("center-bold", "I. KẾT QUẢ THỰC HIỆN"))
        body.append(("para", fill[0]))
        body.append(("center-bold", "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"))
        body.append(("para", fill[1] + "/."))
    elif kind == "to_trinh":
        type_name, type_line, notation = "Tờ trình", "TỜ TRÌNH", f"TTr-{abbr}"
        subject = rng.choice(p.submission_subjects).format(**fmt)
        subject_lines = tuple(g._wrap(subject, "bold", 14, 400, font=font))
        body.append(("center", f"Kính gửi: Hội đồng nhân dân {level} {province}."))
        body.append(("para", laws[0]))
        body.append(("para", fill[0]))
        body.append(("para", f"{organ_name} kính trình xem xét, quyết định./."))
    elif kind == "cong_van":
        type_name, type_line, notation = "Công văn", None, f"{abbr}-{rng.choice(units)}"
        subject = rng.choice(p.letter_subjects).format(**fmt)
        vv_lines = tuple(g._wrap(subject, "regular", 12, 205, font=font))
        body.append(("center", f"Kính gửi: Các cơ quan, đơn vị trên địa bàn {level} {province}."))
        body.append(("para", fill[0]))
        body.append(("para", fill[1] + "/."))
    elif kind == "giay_phep":
        type_name, type_line, notation = "Giấy phép", "GIẤY PHÉP", f"GP-{abbr}"
        subject = rng.choice(licences)  # the full title (CONTRACT): "Giấy phép ..."
        subject_lines = tuple(g._wrap(_upper(subject.removeprefix("Giấy phép ")), "bold", 14, 420, font=font))
        holder_name, holder_id = company, tax
        body.append(("center-bold", authority))
        body.extend(("para", law) for law in laws[:2])
        body.append(("para", f"Xét hồ sơ đề nghị cấp giấy phép của {company},"))
        body.append(("center-bold", "CẤP PHÉP:"))
        body.append(("plain", f"Tên tổ chức: {company}"))
        body.append(("plain", f"Địa chỉ: {address}"))
        body.append(("plain", f"Mã số thuế: {tax}"))
        body.append(("plain", f"Được phép: {activity}."))
        until = until_words((1, 2, 3, 5))
        valid_until = until.isoformat()
        valid_from = issued.isoformat()
        body.append(
            ("para", f"Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến {g._date_words(until)}.")
        )
    else:  # giay_chung_nhan
        type_name, type_line, notation = "Giấy chứng nhận", "GIẤY CHỨNG NHẬN", f"GCN-{abbr}"
        subject = rng.choice(certificates)
        rest = subject.removeprefix("Giấy chứng nhận ")
        subject_lines = tuple(g._wrap(_upper(rest), "bold", 14, 420, font=font))
        if rng.random() < 0.3:
            holder_name = _name(rng, p)
            holder_id = g.cccd(rng)
            body.append(("center-bold", authority))
            body.append(("para", "CHỨNG NHẬN:"))
            body.append(("plain", f"Ông/Bà: {holder_name}"))
            body.append(("plain", f"Số căn cước công dân: {holder_id}"))
        else:
            holder_name, holder_id = company, tax
            body.append(("center-bold", authority))
            body.append(("para", "CHỨNG NHẬN:"))
            body.append(("plain", f"Cơ sở: {company}"))
            body.append(("plain", f"Mã số doanh nghiệp/Mã số thuế: {tax}"))
        body.append(("plain", f"Địa chỉ: {address}"))
        body.append(("plain", f"Đủ điều kiện: {_lower_first(rest)}."))
        until = until_words((3, 5))
        valid_until = until.isoformat()
        body.append(("para", f"Giấy chứng nhận có giá trị đến ngày {until.strftime('%d/%m/%Y')}."))

    for i in range(extra_paragraphs):
        body.insert(len(body) - 1, ("para", PARAS[(seed + i) % len(PARAS)]))

    signer = _name(rng, p)
    form = axes.sign
    if form is SignForm.KT:
        signer_lines: tuple[str, ...] = (f"KT. {head}", deputy)
        title = deputy_t
    elif form is SignForm.TM:
        signer_lines, title = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Chủ tịch"
    elif form is SignForm.TM_KT:
        signer_lines, title = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phó Chủ tịch"
    elif form is SignForm.Q:
        signer_lines, title = (f"Q. {head}",), f"Quyền {head_t}"
    elif form is SignForm.TL:
        signer_lines, title = (f"TL. {head}", "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng"
    else:
        signer_lines, title = (head,), head_t

    fields: dict[str, str | None] = {
        "type_name": type_name,
        "code_number": number,
        "code_notation": notation,
        "issued_date": issued.isoformat(),
        "organ_name": organ_name,
        "parent_organ": parent,
        "place": place,
        "subject": subject.removeprefix("V/v "),  # a công văn's: the text after "V/v" (CONTRACT)
        "signer_name": signer,
        "signer_title": title,
        "holder_name": holder_name,
        "holder_id": holder_id,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    fields = {k: (g.nfc(v) if v is not None else None) for k, v in fields.items()}
    content = g.Content(
        kind=kind,
        fields=fields,
        header_left=header_left,
        parent_lines=parent_lines,
        number_line=f"Số: {number}/{notation}",
        vv_lines=vv_lines,
        date_line=f"{place}, {g._date_words(issued)}",
        type_line=type_line,
        subject_lines=subject_lines,
        body=tuple(body),
        recipients=recipients,
        signer_lines=signer_lines,
        signer_name=signer,
    )
    arrived = issued + dt.timedelta(days=rng.randrange(1, 8))
    extras: dict[str, Any] = {
        # the incoming register's number and date: never the document's own
        "stamp": f"{rng.randrange(100, 9999)}|{arrived.day}/{arrived.month}/{arrived.year % 100:02d}|"
        + rng.choice(("VP", "KT", "NC", "TH")),
        "annex_names": tuple(n for n in (_name(rng, p) for _ in range(rng.randrange(3, 7))) if n != signer),
    }
    return content, extras


def family_seed(family: Family | str, seed: int) -> int:
    return FAMILY_SEED_BASE[Family(family)] + seed


def make_varied_document(
    seed: int, family: Family | str = Family.DEV, axes: Axes | None = None, *, min_pages: int = 1
) -> g.SampleDoc:
    """One clean document of ``family`` drawn along the axes (drawn from the seed when not given), rendered
    at the axes' resolution; ``scanned_pages`` gives the pages as scanned or photographed."""
    fam = Family(family)
    fseed = family_seed(fam, seed)
    ax = axes or draw_axes(random.Random(f"axes:{fam}:{seed}"))
    extra = 0
    while True:
        content, extras = make_varied_content(ax, fseed, fam, extra_paragraphs=extra)
        look = g.Look(
            font=str(ax.font),
            margins=MARGINS_PT[ax.margins],
            seal=ax.seal,
            handwritten=ax.handwritten,
            stamp=extras["stamp"] if ax.stamp else None,
            tail=ax.tail,
            tail_names=extras["annex_names"],
        )
        lay = g.layout(content, fseed, look)
        signed = len(lay.pages) - (ax.tail is not Tail.NONE)
        if signed >= min_pages or extra > 40:
            break
        extra += 3
    doc = g.render_document(content, lay, fseed, ax.dpi)
    return replace(doc, family=str(fam), axes=ax)


# --------------------------------------------------------------------------------------------- scanning


def _scan(img: Image.Image, colour: Colour, rng: np.random.Generator) -> Image.Image:
    arr: Any = np.asarray(img.convert("RGB")).astype(np.float32)
    arr = arr * np.array([1.0, 0.99, 0.96], dtype=np.float32) + rng.normal(0, 3.0, size=(*arr.shape[:2], 1))
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if colour is Colour.COLOUR:
        return out
    grey = out.convert("L")
    if colour is Colour.GREY:
        return grey
    threshold = float(
        rng.uniform(150, 185)
    )  # the scanner's fixed threshold: light red ink drops out, dark stays
    return grey.point(lambda v: 255 if v > threshold else 0).convert("1")


def _photo(img: Image.Image, photo: Photo, rng: np.random.Generator) -> Image.Image:
    """A phone photo of the page: no dpi, JPEG-sized, with the chosen defect."""
    long_side = int(rng.integers(1500, 2300))  # the phone's picture; the page fills most of it
    f = long_side / (max(img.size) * (1.3 if photo is Photo.PERSPECTIVE else 1.0))
    small = img.convert("RGB").resize((round(img.width * f), round(img.height * f)), Image.Resampling.LANCZOS)
    rgb: Any = np.asarray(small).astype(np.float32)
    h, w = rgb.shape[:2]
    if photo is Photo.PERSPECTIVE:
        bg_h, bg_w = int(h * 1.25), int(w * 1.3)
        base = np.array(rng.choice([[96, 72, 50], [60, 60, 66], [150, 140, 120]]), dtype=np.float32)
        bg: Any = base + rng.normal(0, 10, size=(bg_h, bg_w, 1)).astype(np.float32)
        bg = cv2.GaussianBlur(bg, (0, 0), 3)
        ox, oy = (bg_w - w) / 2, (bg_h - h) / 2
        src: Any = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
        jit = rng.uniform(0.02, 0.08, size=(4, 2)) * np.array([w, h])
        sign = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]])
        dst: Any = np.asarray(
            src + sign * jit * rng.choice([1, -1], size=(4, 1)) * 0.5 + sign * jit * 0.5 + [ox, oy],
            dtype=np.float32,
        )
        m = cv2.getPerspectiveTransform(src, dst)
        page = cv2.warpPerspective(rgb, m, (bg_w, bg_h), flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (bg_w, bg_h), flags=cv2.INTER_LINEAR)
        shadow = cv2.GaussianBlur(np.roll(mask, (12, 12), axis=(0, 1)), (0, 0), 10)
        bg = bg * (1 - 0.45 * shadow[..., None])
        rgb = page * mask[..., None] + bg * (1 - mask[..., None])
        rgb = cv2.GaussianBlur(rgb, (0, 0), 0.8)
    elif photo is Photo.BLUR:
        rgb = cv2.GaussianBlur(rgb, (0, 0), float(rng.uniform(1.4, 2.4)))
        k = int(rng.integers(5, 11))
        kernel: Any = np.zeros((k, k), np.float32)
        kernel[k // 2, :] = 1.0 / k  # a little shake
        kernel = cv2.warpAffine(
            kernel, cv2.getRotationMatrix2D((k / 2, k / 2), float(rng.uniform(0, 180)), 1.0), (k, k)
        )
        rgb = cv2.filter2D(rgb, -1, kernel / max(float(kernel.sum()), 1e-6))
    elif photo is Photo.LOW_LIGHT:
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        # indoors: paper at about half its brightness (darker in the corners), a warm cast, sensor noise
        vign = 1 - 0.3 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2
        dark = float(rng.uniform(0.5, 0.7))
        rgb = rgb * dark * vign[..., None] * np.array([1.0, 0.93, 0.78], dtype=np.float32)
        rgb = rgb + rng.normal(0, 6.0, size=rgb.shape).astype(np.float32)
    out = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    if photo is not Photo.BLUR:
        out = out.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))  # the phone's sharpening
    return out


def scanned_pages(doc: g.SampleDoc) -> list[Image.Image]:
    """The document's pages as its axes say they were captured: colour mode and resolution, then (for a
    photo) the photo's defect. Deterministic per document."""
    ax = doc.axes or Axes(kind=doc.kind)
    out = []
    for i, page in enumerate(doc.pages):
        rng = np.random.default_rng([doc.seed, i, 17])
        img = _scan(page, ax.colour, rng)
        if ax.photo is Photo.NONE:
            img.info["dpi"] = (ax.dpi, ax.dpi)
        else:
            img = _photo(img, ax.photo, rng)
        out.append(img)
    return out


def write_varied(doc: g.SampleDoc, out: Path) -> Path:
    """Write the document as captured (PNG/TIFF/JPEG/PDF by its colour mode, photo and page count) with
    ``<name>.gt.json`` (fields, text, family, axes)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    ax = doc.axes or Axes(kind=doc.kind)
    imgs = scanned_pages(doc)
    photo = ax.photo is not Photo.NONE
    if len(imgs) > 1:
        if photo:
            path = out.with_suffix(".pdf")
            frames = []
            for im in imgs:
                b = io.BytesIO()
                im.convert("RGB").save(b, "JPEG", quality=85)
                b.seek(0)
                fr = Image.open(b)
                fr.load()
                frames.append(fr)
            frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=150.0)
        else:
            path = out.with_suffix(".tif")
            comp = "group4" if ax.colour is Colour.BITONAL else "tiff_lzw"
            imgs[0].save(
                path, "TIFF", save_all=True, append_images=imgs[1:], compression=comp, dpi=(ax.dpi, ax.dpi)
            )
    elif photo:
        path = out.with_suffix(".jpg")
        imgs[0].save(path, "JPEG", quality=85)
    elif ax.colour is Colour.COLOUR:
        path = out.with_suffix(".jpg")
        imgs[0].save(path, "JPEG", quality=88, dpi=(ax.dpi, ax.dpi))
    elif ax.colour is Colour.GREY:
        path = out.with_suffix(".png")
        imgs[0].save(path, "PNG", dpi=(ax.dpi, ax.dpi))
    else:
        path = out.with_suffix(".tif")
        imgs[0].save(path, "TIFF", compression="group4", dpi=(ax.dpi, ax.dpi))
    gt = {
        "kind": doc.kind,
        "seed": doc.seed,
        "family": doc.family,
        "axes": ax.values(),
        "format": path.suffix.lstrip("."),
        "pages": len(doc.pages),
        "text": doc.text,
        "fields": doc.fields,
    }
    g.gt_path_for(path).write_text(json.dumps(gt, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _fix(ax: Axes, fixed: dict[str, Any]) -> Axes:
    out = replace(ax, **fixed)
    return replace(out, sign=fit_sign(out.sign, out.header))


def write_family_set(
    out_dir: Path,
    n: int,
    seed: int,
    family: Family | str,
    *,
    photo: Photo | None = None,
    fixed: dict[str, Any] | None = None,
) -> list[Path]:
    """``n`` documents of ``family``, kinds cycling; the axes balanced over the set (``draw_balanced``: each
    value about equally often, no axis following another), so a small set still covers every value.
    ``photo``: every document captured so (a set of shaken photos, say), its other axes as drawn. ``fixed``
    (``samples.axes.parse_fixed``): those axes at those values in every document (a TM. form asked of a Sở
    header falls back as in ``draw_balanced``)."""
    fam = Family(family)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    plan = draw_balanced(n, random.Random(f"set:{fam}:{seed}:{n}"), VARIED_KINDS)
    if photo is not None:
        plan = [replace(ax, photo=photo) for ax in plan]
    if fixed:
        plan = [_fix(ax, fixed) for ax in plan]
    for i, ax in enumerate(plan):
        doc_seed = seed * 1000 + i
        doc = make_varied_document(doc_seed, fam, ax)
        paths.append(write_varied(doc, out_dir / f"{i:03d}_{fam}_{ax.kind}"))
    return paths
