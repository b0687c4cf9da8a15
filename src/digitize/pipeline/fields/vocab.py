"""Vocabularies of Decree 30/2020 documents: provinces and places, organs, document types, notation
abbreviations, signer titles, family names and name syllables (each also keyed by its folded form)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from digitize.text import fold

CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
PROVINCES: tuple[str, ...] = (
    *CENTRAL_CITIES,
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
)  # fmt: skip
# Other place names a date line may open with: the provinces' seats (before the 2025 merger; not "Phan Rang -
# Tháp Chàm", longer than any and rarely printed whole), then other cities (general knowledge, not the places
# the generator's pools use: "Điện Biên Phủ" was read "Điện Biên" surely for want of it). Towns (thị xã)
# and districts stay out: "Thị xã Bình Long, ngày …" is no place "Bình Long"
PLACES: tuple[str, ...] = (
    *PROVINCES,
    "Long Xuyên", "Bà Rịa", "Vũng Tàu", "Quy Nhơn", "Thủ Dầu Một", "Đồng Xoài", "Phan Thiết", "Buôn Ma Thuột",
    "Gia Nghĩa", "Điện Biên Phủ", "Biên Hòa", "Cao Lãnh", "Pleiku", "Phủ Lý", "Vị Thanh", "Nha Trang",
    "Rạch Giá", "Đà Lạt", "Tân An", "Vinh", "Việt Trì", "Tuy Hòa", "Đồng Hới", "Tam Kỳ", "Hạ Long", "Đông Hà",
    "Mỹ Tho", "Vĩnh Yên", "Hoa Lư",
    "Thủ Đức", "Sơn Tây", "Móng Cái", "Cẩm Phả", "Uông Bí", "Đông Triều", "Sầm Sơn", "Hội An", "Cam Ranh",
    "Bảo Lộc", "Long Khánh", "Dĩ An", "Thuận An", "Tân Uyên", "Bến Cát", "Chí Linh", "Thủy Nguyên", "Từ Sơn",
    "Phúc Yên", "Sông Công", "Phổ Yên", "Tam Điệp", "Hà Tiên", "Phú Quốc", "Châu Đốc", "Sa Đéc", "Hồng Ngự",
    "Ngã Bảy", "Sa Pa",
)  # fmt: skip

DEPARTMENTS: tuple[str, ...] = (
    "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", "Sở Giao thông vận tải",
    "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao",
    "Sở Du lịch", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo", "Ban Dân tộc", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân",
    "Ban Quản lý các khu công nghiệp", "Ban Quản lý khu kinh tế", "Sở Quy hoạch - Kiến trúc",
    "Sở An toàn thực phẩm", "Công an tỉnh", "Bộ Khoa học và Công nghệ", "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ", "Cục An toàn bức xạ và hạt nhân",
    # ministries and central organs (a parent organ "BỘ TÀI CHÍNH" must not fuzzy-match "Sở Tài chính")
    "Bộ Tài chính", "Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Kế hoạch và Đầu tư",
    "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Môi trường",
    "Bộ Giao thông vận tải", "Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
    "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Dân tộc và Tôn giáo",
    "Văn phòng Chính phủ", "Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc",
    "Chính phủ", "Thủ tướng Chính phủ", "Tổng cục Thuế", "Kho bạc Nhà nước",
)  # fmt: skip

# the central departments (Cục, Tổng cục) of the ministries, as their names are written in legal texts (the
# corpus's spelling where it has them): general knowledge, like the provinces. An organ no list has keeps its
# name as read, in sentence case and in doubt ("Cục du lịch quốc gia việt" for "CỤC DU LỊCH QUỐC GIA VIỆT NAM"
# whose last word a stamp took). Not the central names a province's unit opens with ("Cục Thuế tỉnh …", "Cục
# Hải quan …", "Cục Thống kê …", "Cục Quản lý thị trường …", "Cục Thi hành án dân sự …"): with its province's
# line lost such a unit would be taken for the central one
CENTRAL_UNITS: tuple[str, ...] = (
    "Cục An toàn thực phẩm", "Cục An toàn lao động", "Cục An toàn bức xạ và hạt nhân",
    "Cục An toàn thông tin", "Cục Bảo vệ thực vật", "Cục Bảo trợ xã hội", "Cục Bản quyền tác giả",
    "Cục Biến đổi khí hậu", "Cục Bưu điện Trung ương", "Cục Chăn nuôi", "Cục Chăn nuôi và Thú y",
    "Cục Chế biến và Phát triển thị trường nông sản", "Cục Công nghiệp", "Cục Công nghệ thông tin",
    "Cục Dân số", "Cục Di sản văn hóa", "Cục Du lịch Quốc gia Việt Nam", "Cục Điện ảnh", "Cục Điện lực",
    "Cục Điều tiết điện lực", "Cục Đăng kiểm Việt Nam", "Cục Đầu tư nước ngoài", "Cục Đường bộ Việt Nam",
    "Cục Đường cao tốc Việt Nam", "Cục Đường sắt Việt Nam", "Cục Đường thủy nội địa Việt Nam",
    "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam", "Cục Đối ngoại",
    "Cục Giám định nhà nước về chất lượng công trình xây dựng", "Cục Hàng hải Việt Nam",
    "Cục Hàng hải và Đường thủy Việt Nam", "Cục Hàng không Việt Nam", "Cục Hạ tầng kỹ thuật",
    "Cục Hóa chất", "Cục Hợp tác quốc tế", "Cục Khoáng sản Việt Nam",
    "Cục Khí tượng Thủy văn", "Cục Kiểm lâm", "Cục Kinh tế hợp tác và Phát triển nông thôn",
    "Cục Kinh tế xây dựng", "Cục Lãnh sự", "Cục Lâm nghiệp", "Cục Lâm nghiệp và Kiểm lâm",
    "Cục Lễ tân Nhà nước", "Cục Mỹ thuật, Nhiếp ảnh và Triển lãm", "Cục Nghệ thuật biểu diễn",
    "Cục Người có công", "Cục Phát thanh, truyền hình và thông tin điện tử", "Cục Phát triển đô thị",
    "Cục Phòng, chống thiên tai", "Cục Quản lý chất lượng",
    "Cục Quản lý Chất lượng Nông lâm sản và Thủy sản", "Cục Quản lý đấu thầu",
    "Cục Quản lý đăng ký kinh doanh", "Cục Quản lý đê điều và Phòng, chống thiên tai", "Cục Quản lý giá",
    "Cục Quản lý Khám, chữa bệnh", "Cục Quản lý lao động ngoài nước", "Cục Quản lý môi trường y tế",
    "Cục Quản lý nhà và thị trường bất động sản", "Cục Quản lý tài nguyên nước",
    "Cục Quản lý xuất nhập cảnh", "Cục Quản lý Dược", "Cục Quản lý Y, Dược cổ truyền",
    "Cục Quan hệ lao động và Tiền lương", "Cục Sở hữu trí tuệ", "Cục Tần số vô tuyến điện",
    "Cục Thú y", "Cục Thủy lợi", "Cục Thủy sản",
    "Cục Thủy sản và Kiểm ngư", "Cục Thương mại điện tử và Kinh tế số", "Cục Trẻ em",
    "Cục Trồng trọt", "Cục Trồng trọt và Bảo vệ thực vật", "Cục Trợ giúp pháp lý", "Cục Văn hóa cơ sở",
    "Cục Viễn thông", "Cục Viễn thám quốc gia", "Cục Việc làm", "Cục Xuất bản, In và Phát hành",
    "Cục Xuất nhập khẩu", "Cục Y tế dự phòng", "Cục Bổ trợ tư pháp", "Cục Phòng chống HIV/AIDS",
    "Cục Kế hoạch - Tài chính", "Cục Khoa học công nghệ và Đào tạo", "Cục Báo chí",
    "Cục Chuyển đổi số quốc gia", "Cục Kinh tế số và Xã hội số", "Cục Đổi mới sáng tạo",
    "Cục Giáo dục nghề nghiệp", "Cục Quản lý, giám sát bảo hiểm", "Cục Quản lý nợ và Tài chính đối ngoại",
    "Cục Quản lý công sản", "Cục Kiểm soát ô nhiễm môi trường",
    "Cục Bảo tồn thiên nhiên và Đa dạng sinh học", "Cục Môi trường", "Cục Biển và Hải đảo Việt Nam",
    "Cục Địa chất Việt Nam", "Cục Quản lý đất đai", "Tổng cục Thống kê", "Tổng cục Hải quan",
    "Tổng cục Quản lý thị trường", "Tổng cục Du lịch", "Tổng cục Thủy lợi", "Tổng cục Lâm nghiệp",
    "Tổng cục Thủy sản", "Tổng cục Phòng, chống thiên tai", "Tổng cục Đường bộ Việt Nam",
    "Tổng cục Tiêu chuẩn Đo lường Chất lượng", "Tổng cục Dân số - Kế hoạch hóa gia đình",
    "Tổng cục Thể dục thể thao", "Tổng cục Giáo dục nghề nghiệp", "Tổng cục Khí tượng Thủy văn",
    "Tổng cục Địa chất và Khoáng sản Việt Nam", "Tổng cục Quản lý đất đai", "Tổng cục Môi trường",
    "Tổng cục Biển và Hải đảo Việt Nam", "Tổng cục Dự trữ Nhà nước",
)  # fmt: skip

DOC_TYPES: tuple[str, ...] = (
    "Quyết định", "Giấy phép", "Giấy chứng nhận", "Công văn", "Thông báo", "Kế hoạch", "Báo cáo", "Tờ trình",
    "Chỉ thị", "Nghị quyết", "Hướng dẫn", "Giấy mời", "Biên bản", "Chứng chỉ", "Giấy xác nhận", "Quy chế",
    "Quy định", "Công điện", "Giấy giới thiệu", "Phương án", "Đề án", "Chương trình", "Hợp đồng",
    "Giấy ủy quyền", "Thông cáo", "Phiếu chuyển", "Bản ghi nhớ",
)  # fmt: skip
NOTATION_TYPES: dict[str, str] = {
    "QĐ": "Quyết định", "GP": "Giấy phép", "GCN": "Giấy chứng nhận", "TB": "Thông báo", "KH": "Kế hoạch",
    "BC": "Báo cáo", "TTr": "Tờ trình", "CT": "Chỉ thị", "NQ": "Nghị quyết", "HD": "Hướng dẫn",
    "GM": "Giấy mời", "BB": "Biên bản", "CC": "Chứng chỉ", "GXN": "Giấy xác nhận", "QC": "Quy chế",
    "QyĐ": "Quy định", "CĐ": "Công điện", "GGT": "Giấy giới thiệu", "PA": "Phương án", "ĐA": "Đề án",
    "CTr": "Chương trình", "HĐ": "Hợp đồng", "GUQ": "Giấy ủy quyền", "PC": "Phiếu chuyển",
}  # fmt: skip
# Abbreviations printed in notations (with Đ where they have one): a part read so is kept, one read with its
# Đ's stroke lost or a look-alike letter is restored. General knowledge, never the generator's pools: the
# notation types; the abbreviations of the central organs and units seen in ../shared/corpus
# (``data/notation_abbreviations.txt``, built by tools/build_vocab.py, with how often each was seen); the
# units common to the provinces' departments and the ministries (a Sở's offices for land, business
# registration, exams, labour ...). An organ's own abbreviation is derived from its name
# (``number.organ_abbreviations``).
_ABBR_DATA = Path(__file__).resolve().parent.parent / "data" / "notation_abbreviations.txt"


def _corpus_abbreviations() -> dict[str, int]:
    lines = _ABBR_DATA.read_text(encoding="utf-8").splitlines() if _ABBR_DATA.exists() else []
    return {ln.split()[0]: int(ln.split()[1]) for ln in lines if ln.strip() and not ln.startswith("#")}


# part → how many notations of the corpus print it (a part seen twice, "ĐC", is weak evidence its D is a Đ)
CORPUS_ABBREVIATIONS: dict[str, int] = _corpus_abbreviations()
# (review, session 17: 22 units here were the unit tuples of the generator's pools, "QLĐĐ", "TCCB", "NVY",
# "QLDL" ..., none of them in the corpus: taken out. Of the units a pool draws, those kept are in the
# corpus's notations (LĐVL, GDNN) or in its text in general use ("Lưu: VP", "Giấy ĐKKD", "Vụ KTĐN", "cơ quan
# QLCL").)
UNIT_ABBREVIATIONS: tuple[str, ...] = (
    "VP", "TCHC", "HCTH", "KHĐT", "TTr", "PC", "ĐKĐĐ", "ĐKKD", "ĐTXD", "QLCL", "QLKH", "QLGT", "NVD",
    "GDMN", "GDTH", "GDTX", "GDNN", "GDĐT", "KĐCL", "LĐVL", "LĐTL", "KTĐN", "TĐKT", "PCTT", "ĐTN", "BQLDA",
    "CCVC", "XDCQ", "VTLT", "TCBC", "TCĐ", "ĐT", "TĐC", "NSTW", "QLNS", "TCĐT", "TCDN", "QLCS", "QLG", "HCSN",
    "ĐKT", "PBGDPL", "TDTT",
)  # fmt: skip
# Abbreviations whose D is a D, of words led by one (general knowledge): DN doanh nghiệp, DS dân số, DL du
# lịch, DV dịch vụ, GD giáo dục, DTTS dân tộc thiểu số, BDT Ban Dân tộc, UBDT Ủy ban Dân tộc, DTMN dân tộc
# miền núi. A part read so, or opening with one ("GDTrH"), or made of the longer ones, has no Đ whose stroke
# was lost. Only to doubt a D or not: never a known form a part is made (review s18: "ĐS" of a railway
# corporation's was made "DS" surely; "TGD", "BDN" end in "GD", "DN" and are "TGĐ", "BĐN")
D_ABBREVIATIONS: tuple[str, ...] = ("DN", "DS", "DL", "DV", "GD", "DTTS", "BDT", "UBDT", "DTMN")
KNOWN_ABBREVIATIONS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *NOTATION_TYPES,
            "UBND",
            "HĐND",
            "NĐ",
            "CP",
            "TTg",
            "BNV",
            *CORPUS_ABBREVIATIONS,
            *UNIT_ABBREVIATIONS,
        )
    )
)
# a part the corpus alone knows, seen fewer times than this, is no sure Đ for a D read ("QĐ-DC": "ĐC", seen
# twice, was put surely; "DC" may be dân cư)
STRONG_CORPUS = 10
WEAK_ABBREVIATIONS: frozenset[str] = frozenset(
    k
    for k, n in CORPUS_ABBREVIATIONS.items()
    if n < STRONG_CORPUS and k not in NOTATION_TYPES and k not in UNIT_ABBREVIATIONS
)

TITLES: tuple[str, ...] = (
    "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Trưởng phòng", "Phó Trưởng phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra", "Cục trưởng",
    "Phó Cục trưởng", "Bộ trưởng", "Thứ trưởng", "Trưởng ban", "Phó Trưởng ban", "Hiệu trưởng",
    "Phó Hiệu trưởng", "Viện trưởng", "Phó Viện trưởng", "Tổng Giám đốc", "Phó Tổng Giám đốc",
    "Chi cục trưởng", "Phó Chi cục trưởng", "Thủ trưởng", "Vụ trưởng", "Thủ tướng", "Phó Thủ tướng",
    "Phó Vụ trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng", "Chánh án", "Phó Chánh án", "Trưởng đoàn",
    "Phó Trưởng đoàn",
)  # fmt: skip
SURNAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lâm", "Mai", "Trương", "Cao", "Hà", "Lương", "Tô", "Tạ",
    "Đào", "Quách", "Lưu", "Chu", "Kiều", "Vương", "Thái", "Triệu", "Hứa", "Lại", "Văn", "Châu", "Tăng",
    # less common ones, after the frequent (a seal-hidden surname is guessed from the front of this list)
    "Phùng", "Khúc", "Âu", "Đàm", "Kim", "Lò", "Mạc", "Nông", "Thân", "Tôn", "Tống", "Hầu", "Giáp", "Khổng",
    "Ninh", "Tiêu", "Lã", "Lục", "Doãn", "Từ", "Quan", "Vi",
    # rarer still, and the family names of the northern uplands' and the Mekong delta's peoples
    "Bạch", "Cầm", "Diệp", "Giang", "Hàn", "Kha", "Khương", "La", "Lạc", "Lường", "Mẫn",
    "Mông", "Nghiêm", "Nhữ", "Ông", "Phí", "Quàng", "Sầm", "Thạch", "Thào", "Tòng", "Ứng", "Viên",
    "Giàng", "Sùng", "Chảo", "Bàn", "Danh",
    # and more: of the Kinh (Ngụy, Lữ, Lỗ; Chế: the Cham's), the Tày and Nùng (Bế), the Hmong (Vàng, Mùa,
    # Lầu), the Central Highlands' peoples (Ksor, Siu, Nay)
    "Ngụy", "Lữ", "Lỗ", "Chế", "Bế", "Vàng", "Mùa", "Lầu", "Ksor", "Siu", "Nay",
    # and of the Kinh, rare ones whose letters another's fold to ("Đường" to "Dương"): Đường, Đồng, Cù
    "Đường", "Đồng", "Cù",
)  # fmt: skip


# Real family names SURNAMES lacks (rare ones of the Kinh, of the Hoa, of the peoples of the uplands): no
# garbled word is guessed to be one, but one read as a Vietnamese word is the family name as printed, not
# the listed one a letter or a mark from it ("Chung", "Mạch" read: no "Trung", "Mạc"). None of
# ``samples.heldout_names.FAMILY`` (the held-out names the wide-name and hold sets draw: those would then
# measure this list, not the rules; session 49). In doubt
# all the same (``signer._signer_name``): the list is no census, and a mark or letter misread makes another
# word
OTHER_SURNAMES: frozenset[str] = frozenset(
    (
        "Bá", "Biện", "Cái", "Cấn", "Chung", "Chúc", "Chử", "Cổ", "Diêm", "Du", "Đan", "Đổng",
        "Giả", "Hạ", "Hình", "Khưu", "Lăng", "Liễu", "Lôi", "Ma", "Mạch", "Mâu", "Ngọ", "Ngũ",
        "Nhâm", "Phù", "Quản", "Sử", "Tất", "Thang", "Tiền", "Trình", "Tưởng", "Ưng", "Uông", "Vạn",
        "Xa",
    )
)  # fmt: skip


def _folded_vocab(items: Iterable[str], *, first_wins: bool = False) -> dict[str, str]:
    """Folded form → item; of items with one folded form the last wins ("Thủ trưởng" over "Thứ trưởng"), or
    with ``first_wins`` the first (SURNAMES, by frequency: "Đoàn" before a rarer "Doãn")."""
    out: dict[str, str] = {}
    for x in items:
        if first_wins:
            out.setdefault(fold(x), x)
        else:
            out[fold(x)] = x
    return out


# other spellings of provinces in use (old or local ones, a name written as one word): read as the province
PROVINCE_SPELLINGS: dict[str, str] = {
    "Đắc Lắc": "Đắk Lắk", "Daklak": "Đắk Lắk", "Đắc Nông": "Đắk Nông", "Daknong": "Đắk Nông",
    "Bắc Cạn": "Bắc Kạn", "Kontum": "Kon Tum", "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
}  # fmt: skip
F_PROVINCES = {**_folded_vocab(PROVINCES), **{fold(k): v for k, v in PROVINCE_SPELLINGS.items()}}
F_PLACES = {**_folded_vocab(PLACES), **{fold(k): v for k, v in PROVINCE_SPELLINGS.items()}}
F_TYPES = _folded_vocab(DOC_TYPES)
F_TITLES = _folded_vocab(TITLES)
F_SURNAMES = _folded_vocab(SURNAMES, first_wins=True)
FREQUENT_SURNAMES = SURNAMES.index("Phùng")  # SURNAMES[:this] are the frequent ones


def _organ_vocab() -> dict[str, str]:
    out = _folded_vocab((*DEPARTMENTS, *CENTRAL_UNITS))
    for p in PROVINCES:
        level = "thành phố" if p in CENTRAL_CITIES or p == "Huế" else "tỉnh"
        out[fold(f"Ủy ban nhân dân {level} {p}")] = f"Ủy ban nhân dân {level} {p}"
        out[fold(f"Công an {level} {p}")] = f"Công an {level} {p}"
    return out


F_ORGANS = _organ_vocab()
# the central departments' folded names: matched to a reading only letter for letter, give or take a letter a
# word (``organ.known_organ``): a real unit no list has ("CỤC CON NUÔI", "TỔNG CỤC HẬU CẦN") is no listed one
F_CENTRAL_UNITS = frozenset(_folded_vocab(CENTRAL_UNITS)) - frozenset(_folded_vocab(DEPARTMENTS))


# Middle and given names (syllables) common in Vietnamese personal names: a doubtful token of a signer's name
# that is not one of them (a seal stroke through it) is replaced by the nearest one.
NAME_SYLLABLES: tuple[str, ...] = (
    "An", "Anh", "Ánh", "Bảo", "Bích", "Bình", "Cảnh", "Chi", "Chính", "Công", "Cường", "Dung",
    "Dũng", "Dương", "Duy", "Duyên", "Đại", "Đạt", "Điệp", "Định", "Đình", "Đông", "Đức", "Giang",
    "Hà", "Hải", "Hạnh", "Hào", "Hằng", "Hậu", "Hiền", "Hiển", "Hiệp", "Hiếu", "Hoa", "Hòa", "Hoài",
    "Hoàn", "Hoàng", "Hồng", "Huân", "Huệ", "Hùng", "Hưng", "Hương", "Hường", "Hữu", "Huy", "Huyền",
    "Kiên", "Khải", "Khang", "Khánh", "Khoa", "Kim", "Lan", "Lâm", "Lệ", "Liên", "Linh", "Loan",
    "Lợi", "Long", "Lực", "Mai", "Mạnh", "Minh", "My", "Nam", "Nga", "Ngân", "Nghĩa", "Ngọc",
    "Nguyên", "Nhân", "Nhật", "Nhung", "Như", "Oanh", "Phong", "Phú", "Phúc", "Phụng", "Phương",
    "Phượng", "Quang", "Quân", "Quốc", "Quý", "Quyên", "Quyết", "Sang", "Sơn", "Tài", "Tâm", "Tân",
    "Thái", "Thanh", "Thành", "Thảo", "Thắng", "Thị", "Thịnh", "Thu", "Thuận", "Thúy", "Thùy",
    "Thủy", "Thư", "Thương", "Tiến", "Toàn", "Trang", "Trí", "Trinh", "Trọng", "Trung", "Trường",
    "Tú", "Tuấn", "Tùng", "Tuyết", "Uyên", "Vân", "Văn", "Việt", "Vinh", "Vĩnh", "Vũ", "Vy", "Xuân",
    "Yến", "Hiệu", "Thơ", "Lý",
    # less common ones (a name's word read whole is kept whatever the list says: these make a tone misread
    # of them go back to them, not to a commoner name with the same letters)
    "Ân", "Bắc", "Bằng", "Biên", "Bính", "Bửu", "Cẩm", "Cận", "Cát", "Chánh", "Châu", "Chí",
    "Chiến", "Chinh", "Chúc", "Chung", "Chương", "Cúc", "Diễm", "Diệp", "Diệu", "Doanh", "Dự", "Đan",
    "Đàn", "Đăng", "Đắc", "Điền", "Đoan", "Đồng", "Gấm", "Gia", "Giao", "Hạ", "Hân", "Hiên", "Hiến",
    "Hinh", "Hoan", "Hoạt", "Hợp", "Huấn", "Huế", "Kha", "Khiêm", "Khôi", "Khuê", "Khương", "Kiệt",
    "Kiều", "Kính", "Kỳ", "Lai", "Lam", "Lành", "Lập", "Liêm", "Liễu", "Lộc", "Luân", "Lương",
    "Lượng", "Mẫn", "Mỹ", "Ngà", "Nghị", "Nguyệt", "Nhã", "Nhàn", "Nhất", "Nhi", "Ninh", "Phát",
    "Phi", "Phước", "Quảng", "Quế", "Quyền", "Quỳnh", "Sáng", "Sinh", "Sương", "Tấn", "Thạch", "Thạnh",
    "Thăng", "Thân", "Thế", "Thi", "Thiện", "Thoa", "Thọ", "Thông", "Thuần", "Thục", "Thụy", "Thường",
    "Tiên", "Tín", "Tình", "Toản", "Trà", "Trâm", "Trình", "Triều", "Trúc", "Tuân", "Tuệ", "Tường",
    "Tuyên", "Tuyến", "Vi", "Võ", "Xuyến", "Yên",
    # and more of the names of everyday Vietnamese (general knowledge, not the generator's pools): flowers
    # and fruits, the birth-order names of the north and south, old-fashioned and ethnic minorities' names
    "Sáu", "Tám", "Út", "Lễ", "Mận", "Quýt", "Thơm", "Lụa", "Nhài", "Ngát", "Hòe", "Dịu", "Sen", "Lài",
    "Tươi", "Thắm", "Nụ", "Nhạn", "Xoan", "Mừng", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ",
    "Mùi", "Dậu", "Tuất", "Páo", "Sính", "Chấn", "Khởi", "Lĩnh", "Luyện", "Quyến", "Sĩ", "Sỹ", "Thiều",
    "Thống", "Thước", "Tiệp", "Tịnh", "Toại", "Triết", "Trực", "Tuyển", "Vượng", "Vỹ", "Hảo", "Nết", "Phấn",
    "Sâm", "Thuyên", "Cương", "Dân", "Khanh", "Luyến", "Ly", "Nhiên", "Trân", "Vịnh", "Đạo", "Chuyên", "Diễn",
    "Hưởng", "Luận", "Ngữ", "Nhuận", "Thụ", "Tráng", "Vọng", "Xương", "Cẩn", "Khiết", "Nhị", "Quy", "Phổ",
)  # fmt: skip
COMMON_SYLLABLES = NAME_SYLLABLES.index("Ân")  # NAME_SYLLABLES[:this] are the common ones
F_SYLLABLES: dict[str, list[str]] = {}
for _syl in NAME_SYLLABLES:
    F_SYLLABLES.setdefault(fold(_syl), []).append(_syl)

# The commonest middle names (general knowledge, and the corpus's: of the ~430 name lines of
# ../shared/corpus's signature blocks, "Văn" is the middle name of 82 and "Thị" of 41, "Vân" and "Nhị" of
# none): a middle word whose letters two listed names share, its marks or its capital not read ("Vấn" (63),
# "Xhị"), is the common one of them ("Văn", not "Vân"; "Thị", not "Nhị"). Only to choose among forms the
# letters read allow, never a name for a word read as another.
MIDDLE_NAMES: tuple[str, ...] = (
    "Văn", "Thị", "Đức", "Hữu", "Minh", "Quang", "Ngọc", "Xuân", "Thanh", "Quốc", "Công", "Đình", "Mạnh",
    "Hồng", "Anh", "Chí", "Tấn", "Bá", "Tiến", "Hoàng", "Duy", "Trọng", "Thế", "Kim",
)  # fmt: skip
