"""The words users read for the store's ids (document and batch states, audit actions, CRL refresh outcomes):
one table, Vietnamese first, English second, for every door (web pages, CLI, API).

``word(table, key, lang)`` is one language; ``both(table, key)`` is "Vietnamese / English" (the CLI's way).
A key the table does not know is shown as it is (a new state or action still shows, never fails).
"""

from __future__ import annotations

from collections.abc import Mapping

from digitize.errors import Lang

# documents (processing/machine.py) and batches (store.service.BatchView.state)
STATES: Mapping[str, tuple[str, str]] = {
    "received": ("Đã nhận", "Received"),
    "queued": ("Chờ xử lý", "Queued"),
    "processing": ("Đang xử lý", "Processing"),
    "done": ("Hoàn thành", "Done"),
    "needs_review": ("Cần kiểm tra", "Needs review"),
    "failed": ("Lỗi", "Failed"),
}

# the audit trail's actions (store.service.audit)
ACTIONS: Mapping[str, tuple[str, str]] = {
    "document.receive": ("Tiếp nhận tài liệu", "Document received"),
    "document.process": ("Số hóa (OCR, trích xuất trường)", "Digitized (OCR, fields)"),
    "fields.correct": ("Sửa trường thông tin", "Fields corrected"),
    "document.sign": ("Ký số", "Signed"),
    "signing_session.create": ("Mở phiên ký", "Signing session opened"),
    "signing_session.stale": (
        "Phiên ký hết hiệu lực (tài liệu đã đổi)",
        "Signing session stale (document changed)",
    ),
    "signing_session.sweep": ("Dọn phiên ký hết hạn", "Expired signing sessions swept"),
    "validity.revoke": ("Thu hồi hiệu lực", "Validity revoked"),
    "validity.supersede": ("Thay thế bằng văn bản mới", "Superseded by a new document"),
    "file.assign": ("Đưa vào hồ sơ", "Added to a file"),
    "file.unassign": ("Gỡ khỏi hồ sơ", "Removed from its file"),
    "file.create": ("Tạo hồ sơ", "File created"),
    "file.update": ("Sửa hồ sơ", "File updated"),
    "file.delete": ("Xóa hồ sơ", "File deleted"),
    "batch.create": ("Tạo lô", "Batch created"),
    "stack.receive": ("Tiếp nhận tập quét", "Stack received"),
    "stack.examine": ("Xem xét tập quét", "Stack examined"),
    "stack.review": ("Duyệt ranh giới", "Boundaries reviewed"),
    "stack.split": ("Tách tập quét", "Stack split"),
    "stack.fail": ("Tách tập quét lỗi", "Stack split failed"),
    "upload.quarantine": ("Cách ly tệp tải lên", "Upload quarantined"),
    "quarantine.save": ("Lưu tệp cách ly", "Quarantined file saved"),
    "quarantine.release": ("Nhận lại tệp cách ly", "Quarantined file released"),
    "quarantine.delete": ("Xóa tệp cách ly", "Quarantined file deleted"),
    "store.import": ("Nhập kho", "Store imported"),
    "fixity.audit": ("Kiểm tra toàn vẹn", "Fixity audit"),
    "certificate.register": ("Đăng ký chứng thư số", "Certificate registered"),
    "agent.pairing_code": ("Cấp mã ghép nối", "Pairing code issued"),
    "agent.paired": ("Ghép nối trình ký", "Signing agent paired"),
    "agent.unpaired": ("Hủy ghép nối trình ký", "Signing agent unpaired"),
    "key.create": ("Tạo khóa API", "API key created"),
    "key.revoke": ("Thu hồi khóa API", "API key revoked"),
    "user.create": ("Tạo người dùng", "User created"),
    "user.disable": ("Khóa người dùng", "User disabled"),
    "user.enable": ("Mở khóa người dùng", "User enabled"),
    "user.password": ("Đổi mật khẩu", "Password changed"),
    "web.login": ("Đăng nhập", "Signed in"),
    "web.login_failed": ("Đăng nhập thất bại", "Sign-in failed"),
}


def word(table: Mapping[str, tuple[str, str]], key: str, lang: Lang | str = "vi") -> str:
    """``key`` in words in ``lang``; the key itself when the table does not know it."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def both(table: Mapping[str, tuple[str, str]], key: str) -> str:
    """``key`` in words, Vietnamese first, English too ("Cần kiểm tra / Needs review")."""
    pair = table.get(key)
    return key if pair is None else f"{pair[0]} / {pair[1]}"
