"""Where things live inside a bag (both formats share it; ``aip`` adds METS.xml and PREMIS).

The payload (``data/``) is laid out as an E-ARK CSIP information package::

    data/METS.xml                                            (aip)
    data/metadata/digitize.json                              what the package is (format, counts, source)
    data/metadata/descriptive/documents/<id[:2]>/<id>.json   one record per document
    data/metadata/descriptive/files/<id>.json                one record per hồ sơ
    data/metadata/descriptive/batches/<id>.json              one record per batch (its items)
    data/metadata/descriptive/stacks/<id>.json               one record per stack scan (issue 15), its pages
    data/metadata/preservation/premis.xml                    (aip) PREMIS objects and events
    data/representations/<kind>/data/<sha[:2]>/<sha256>      the objects: original, searchable, signed
"""

from __future__ import annotations

import re
from enum import StrEnum

from digitize.errors import UnsafeArchive

FORMAT_NAME = "digitize-bag"
FORMAT_VERSION = 1
RECORD_FORMAT = "digitize-record/1"

INFO = "data/metadata/digitize.json"
METS = "data/METS.xml"
PREMIS = "data/metadata/preservation/premis.xml"
DOCUMENTS_DIR = "data/metadata/descriptive/documents"
FILES_DIR = "data/metadata/descriptive/files"
BATCHES_DIR = "data/metadata/descriptive/batches"
STACKS_DIR = "data/metadata/descriptive/stacks"


class BagFormat(StrEnum):
    BAGIT = "bagit"
    AIP = "aip"


# kinds of object (``digitize.store.models.VARIANTS``): one representation each
KINDS: tuple[str, ...] = ("original", "searchable", "signed")

_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# every payload path a bag of ours may hold
_PAYLOAD = re.compile(
    r"^data/("
    r"METS\.xml"
    r"|metadata/digitize\.json"
    r"|metadata/preservation/premis\.xml"
    r"|metadata/descriptive/documents/[0-9a-f]{2}/[0-9a-f]{32}\.json"
    r"|metadata/descriptive/(files|batches|stacks)/[0-9a-f]{32}\.json"
    r"|representations/(original|searchable|signed)/data/[0-9a-f]{2}/[0-9a-f]{64}"
    r")$"
)


def is_id(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX32.match(value))


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX64.match(value))


def object_path(kind: str, sha256: str) -> str:
    if kind not in KINDS or not is_sha256(sha256):
        raise UnsafeArchive(f"Đối tượng không hợp lệ: {kind}/{sha256}", f"Invalid object: {kind}/{sha256}")
    return f"data/representations/{kind}/data/{sha256[:2]}/{sha256}"


def object_key(kind: str, sha256: str) -> str:
    """The object-store key of an object of ``kind`` (what ``digitize.store.objects`` uses)."""
    from digitize.store.objects import original_key, variant_key

    return original_key(sha256) if kind == "original" else variant_key(kind, sha256)


def document_path(doc_id: str) -> str:
    return f"{DOCUMENTS_DIR}/{doc_id[:2]}/{doc_id}.json"


def file_path(file_id: str) -> str:
    return f"{FILES_DIR}/{file_id}.json"


def batch_path(batch_id: str) -> str:
    return f"{BATCHES_DIR}/{batch_id}.json"


def stack_path(stack_id: str) -> str:
    return f"{STACKS_DIR}/{stack_id}.json"


def check_payload_path(path: str) -> str:
    """A path named by a bag's manifest: one of ours exactly, or the bag is refused (no traversal, no
    absolute paths, no backslashes, nothing we did not write)."""
    if not _PAYLOAD.match(path):
        raise UnsafeArchive(
            f"Tệp không được phép trong gói: {path!r}",
            f"A file the package may not hold: {path!r}",
            path=path,
        )
    return path
