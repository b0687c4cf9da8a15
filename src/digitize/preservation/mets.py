"""METS and PREMIS of ``--format aip``: the E-ARK Common Specification for Information Packages (CSIP 2.x),
which the packages of Circular 05/2025/TT-BNV follow.

Both files are written as streams to temporary files while the export runs (one element per document and
per object), then put into the bag at the end: memory does not grow with the store.

* PREMIS 3 (``metadata/preservation/premis.xml``): one ``object`` per stored object (its sha256 fixity,
  size, format, the object it was derived from) and one ``event`` per step of a document's life taken from
  the audit trail — ingestion, OCR (creation of the searchable PDF/A), review (metadata modification),
  signing (digital signature generation), validity decisions — with the agent that did it.
* METS (``METS.xml``): CSIP profile, a ``dmdSec`` per descriptive record (document and hồ sơ JSON), the
  PREMIS file in ``amdSec/digiprovMD``, a ``fileSec`` with one ``fileGrp`` per representation (original,
  searchable, signed) and the CSIP ``structMap``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from digitize import __version__

PREMIS_NS = "http://www.loc.gov/premis/v3"
METS_NS = "http://www.loc.gov/METS/"
CSIP_PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"

# audit actions → PREMIS event types (id.loc.gov/vocabulary/preservation/eventType)
EVENT_TYPES: dict[str, str] = {
    "document.receive": "ingestion",
    "document.process": "creation",  # OCR: the searchable PDF/A and the fields
    "fields.correct": "metadata modification",  # review
    "document.sign": "digital signature generation",
    "validity.revoke": "metadata modification",
    "validity.supersede": "metadata modification",
    "file.assign": "metadata modification",
    "file.unassign": "metadata modification",
    "store.import": "ingestion",
}


def _attr(value: object) -> str:
    return quoteattr(str(value))


def _t(value: object) -> str:
    return escape(str(value))


class _Part:
    """A temporary file that XML fragments are appended to."""

    def __init__(self, prefix: str) -> None:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".xml")
        self.path = Path(name)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def copy_to(self, out: IO[str]) -> None:
        self.fh.flush()
        with open(self.path, encoding="utf-8") as src:
            shutil.copyfileobj(src, out)

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.path.unlink(missing_ok=True)


class PremisWriter:
    def __init__(self) -> None:
        self._objects = _Part("dgz-premis-o-")
        self._events = _Part("dgz-premis-e-")
        self._agents: set[str] = set()
        self.events = 0

    def add_object(
        self, *, identifier: str, sha256: str, size: int, media_type: str, derived_from: str | None
    ) -> None:
        rel = ""
        if derived_from:
            rel = (
                "<premis:relationship><premis:relationshipType>derivation</premis:relationshipType>"
                "<premis:relationshipSubType>is derived from</premis:relationshipSubType>"
                "<premis:relatedObjectIdentifier><premis:relatedObjectIdentifierType>sha256"
                f"</premis:relatedObjectIdentifierType><premis:relatedObjectIdentifierValue>{_t(derived_from)}"
                "</premis:relatedObjectIdentifierValue></premis:relatedObjectIdentifier></premis:relationship>"
            )
        self._objects.write(
            '<premis:object xsi:type="premis:file"><premis:objectIdentifier>'
            "<premis:objectIdentifierType>sha256</premis:objectIdentifierType>"
            f"<premis:objectIdentifierValue>{_t(identifier)}</premis:objectIdentifierValue>"
            "</premis:objectIdentifier><premis:objectCharacteristics><premis:compositionLevel>0"
            "</premis:compositionLevel><premis:fixity><premis:messageDigestAlgorithm>SHA-256"
            f"</premis:messageDigestAlgorithm><premis:messageDigest>{_t(sha256)}</premis:messageDigest>"
            f"</premis:fixity><premis:size>{int(size)}</premis:size><premis:format><premis:formatDesignation>"
            f"<premis:formatName>{_t(media_type)}</premis:formatName></premis:formatDesignation>"
            f"</premis:format></premis:objectCharacteristics>{rel}</premis:object>\n"
        )

    def add_event(
        self, *, identifier: str, action: str, at: str | None, actor: str, target: str | None, detail: Any
    ) -> None:
        event_type = EVENT_TYPES.get(action, "metadata modification")
        self._agents.add(actor)
        link = ""
        if target:
            link = (
                "<premis:linkingObjectIdentifier><premis:linkingObjectIdentifierType>local"
                f"</premis:linkingObjectIdentifierType><premis:linkingObjectIdentifierValue>{_t(target)}"
                "</premis:linkingObjectIdentifierValue></premis:linkingObjectIdentifier>"
            )
        self._events.write(
            "<premis:event><premis:eventIdentifier><premis:eventIdentifierType>local"
            f"</premis:eventIdentifierType><premis:eventIdentifierValue>{_t(identifier)}"
            f"</premis:eventIdentifierValue></premis:eventIdentifier><premis:eventType>{_t(event_type)}"
            f"</premis:eventType><premis:eventDateTime>{_t(at or '')}</premis:eventDateTime>"
            f"<premis:eventDetailInformation><premis:eventDetail>{_t(action)}</premis:eventDetail>"
            "</premis:eventDetailInformation><premis:linkingAgentIdentifier>"
            "<premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>"
            f"<premis:linkingAgentIdentifierValue>{_t(actor)}</premis:linkingAgentIdentifierValue>"
            f"</premis:linkingAgentIdentifier>{link}</premis:event>\n"
        )
        self.events += 1

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as out:
            out.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<premis:premis xmlns:premis="{PREMIS_NS}" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0">\n'
            )
            self._objects.copy_to(out)
            self._events.copy_to(out)
            for agent in sorted(self._agents):
                kind = "software" if agent.startswith(("system", "worker", "cli")) else "person"
                out.write(
                    "<premis:agent><premis:agentIdentifier><premis:agentIdentifierType>local"
                    f"</premis:agentIdentifierType><premis:agentIdentifierValue>{_t(agent)}"
                    "</premis:agentIdentifierValue></premis:agentIdentifier>"
                    f"<premis:agentType>{kind}"
                    "</premis:agentType></premis:agent>\n"
                )
            out.write("</premis:premis>\n")

    def close(self) -> None:
        self._objects.close()
        self._events.close()


class MetsWriter:
    def __init__(self, package_id: str, label: str) -> None:
        self.package_id = package_id
        self.label = label
        self._dmd = _Part("dgz-mets-d-")
        self._groups: dict[str, _Part] = {}
        self._dmd_ids = _Part("dgz-mets-i-")
        self._n = 0

    def _next(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}-{self._n}"

    def add_descriptive(self, relpath: str, sha256: str, size: int) -> None:
        ident = self._next("dmd")
        self._dmd.write(
            f'<mets:dmdSec ID="{ident}" CREATED="{_now()}" STATUS="CURRENT">'
            f'<mets:mdRef LOCTYPE="URL" MDTYPE="OTHER" OTHERMDTYPE="digitize-record" '
            f'xlink:type="simple" xlink:href={_attr(_href(relpath))} MIMETYPE="application/json" '
            f'SIZE="{int(size)}" CHECKSUM="{sha256}" CHECKSUMTYPE="SHA-256"/></mets:dmdSec>\n'
        )
        self._dmd_ids.write(ident + " ")

    def add_file(self, group: str, relpath: str, sha256: str, size: int, media_type: str) -> None:
        part = self._groups.get(group)
        if part is None:
            part = self._groups[group] = _Part("dgz-mets-f-")
        part.write(
            f'<mets:file ID="{self._next("file")}" MIMETYPE={_attr(media_type)} SIZE="{int(size)}" '
            f'CHECKSUM="{sha256}" CHECKSUMTYPE="SHA-256"><mets:FLocat LOCTYPE="URL" xlink:type="simple" '
            f"xlink:href={_attr(_href(relpath))}/></mets:file>\n"
        )

    def write(self, path: Path, premis: tuple[str, str, int]) -> None:
        premis_rel, premis_sha, premis_size = premis
        with open(path, "w", encoding="utf-8") as out:
            out.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<mets:mets xmlns:mets="{METS_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" '
                'xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                f'OBJID={_attr(self.package_id)} LABEL={_attr(self.label)} TYPE="Other" '
                'csip:OTHERTYPE="digitized administrative results" csip:CONTENTINFORMATIONTYPE="OTHER" '
                f'PROFILE="{CSIP_PROFILE}">\n'
                f'<mets:metsHdr CREATEDATE="{_now()}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="AIP">'
                '<mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">'
                '<mets:name>digitize</mets:name><mets:note csip:NOTETYPE="SOFTWARE VERSION">'
                f"{_t(__version__)}"
                "</mets:note></mets:agent></mets:metsHdr>\n"
            )
            self._dmd.copy_to(out)
            out.write(
                f'<mets:amdSec><mets:digiprovMD ID="premis" CREATED="{_now()}" STATUS="CURRENT">'
                f'<mets:mdRef LOCTYPE="URL" MDTYPE="PREMIS" xlink:type="simple" '
                f'xlink:href={_attr(_href(premis_rel))} MIMETYPE="application/xml" SIZE="{premis_size}" '
                f'CHECKSUM="{premis_sha}" CHECKSUMTYPE="SHA-256"/></mets:digiprovMD></mets:amdSec>\n'
                "<mets:fileSec>\n"
            )
            for group in sorted(self._groups):
                out.write(f'<mets:fileGrp ID="grp-{group}" USE="Representations/{group}">\n')
                self._groups[group].copy_to(out)
                out.write("</mets:fileGrp>\n")
            out.write(
                '</mets:fileSec>\n<mets:structMap TYPE="PHYSICAL" LABEL="CSIP">'
                f'<mets:div ID="root" LABEL={_attr(self.package_id)}>'
                '<mets:div ID="metadata" LABEL="Metadata" ADMID="premis" DMDID="'
            )
            self._dmd_ids.copy_to(out)
            out.write('"/>')
            for group in sorted(self._groups):
                out.write(
                    f'<mets:div ID="rep-{group}" LABEL="Representations/{group}">'
                    f'<mets:fptr FILEID="grp-{group}"/></mets:div>'
                )
            out.write("</mets:div></mets:structMap>\n</mets:mets>\n")

    def close(self) -> None:
        self._dmd.close()
        self._dmd_ids.close()
        for part in self._groups.values():
            part.close()


def _href(relpath: str) -> str:
    """A path inside the package (the bag's ``data/`` is the package root)."""
    return relpath[len("data/") :] if relpath.startswith("data/") else relpath


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
