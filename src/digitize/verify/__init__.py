"""Verification of signed PDFs: ETSI EN 319 102-1 indications and the fields Circular 15/2025 asks a
verifier to show, as a typed report (``model``), text and PDF (``render``).

    from digitize.verify import verify_file, verify_pdf, render_text, render_pdf
    report = verify_file(path, trust=[Path("ca.pem")])        # trust roots + Settings.trust_dir
    report = verify_pdf(data, trust_roots=certs, registry_lookup=lookup)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from asn1crypto import x509

from digitize.certs import load_trust_roots
from digitize.verify.engine import averify_pdf, verify_pdf
from digitize.verify.model import (
    Check,
    DocumentSummary,
    RegistryInfo,
    RegistryLookup,
    RegistryMatch,
    SignatureReport,
    Signer,
    VerificationReport,
)
from digitize.verify.render import render_pdf, render_text

__all__ = [
    "Check",
    "DocumentSummary",
    "RegistryInfo",
    "RegistryLookup",
    "RegistryMatch",
    "SignatureReport",
    "Signer",
    "VerificationReport",
    "averify_pdf",
    "exit_code_for",
    "load_trust_roots",
    "render_pdf",
    "render_text",
    "trust_roots_from_settings",
    "verify_file",
    "verify_pdf",
]

# Exit codes of ``digitize verify`` (documented in docs/verify.md)
EXIT_PASSED = 0
EXIT_INDETERMINATE = 1
EXIT_FAILED = 2


def exit_code_for(report: VerificationReport) -> int:
    """0 when every signature is TOTAL_PASSED (and there is one); 2 if any TOTAL_FAILED; 1 otherwise."""
    if report.all_passed:
        return EXIT_PASSED
    if report.document.indication == "TOTAL_FAILED" or any(
        s.indication == "TOTAL_FAILED" for s in report.signatures
    ):
        return EXIT_FAILED
    return EXIT_INDETERMINATE


def trust_roots_from_settings(extra: Iterable[Path] = ()) -> list[x509.Certificate]:
    """Trust roots from ``extra`` files plus ``Settings.trust_dir`` (the shipped Vietnamese list is added by
    ``verify_pdf`` itself unless ``default_trust=False``)."""
    from digitize.config import get_settings

    return load_trust_roots(extra, get_settings().trust_dir)


def verify_file(
    path: Path,
    *,
    trust: Sequence[Path] = (),
    trust_roots: Sequence[x509.Certificate] | None = None,
    default_trust: bool = True,
    allow_fetching: bool = True,
    registry_lookup: Callable[[str], RegistryMatch | None] | None = None,
    visual_checks: bool = True,
) -> VerificationReport:
    """Verify the PDF at ``path``.

    A missing or unreadable path raises NotFound/BadInput; a bad PDF still gets a report.
    """
    from digitize.errors import BadInput, NotFound

    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise NotFound(f"Không tìm thấy tệp {p}", f"File not found: {p}") from exc
    except OSError as exc:
        raise BadInput(f"Không đọc được tệp {p}: {exc.strerror}", f"Cannot read {p}: {exc.strerror}") from exc
    roots = list(trust_roots) if trust_roots is not None else trust_roots_from_settings(trust)
    return verify_pdf(
        data,
        trust_roots=roots,
        default_trust=default_trust,
        allow_fetching=allow_fetching,
        registry_lookup=registry_lookup,
        visual_checks=visual_checks,
        file_name=p.name,
    )
