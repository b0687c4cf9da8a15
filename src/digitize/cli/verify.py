"""``digitize verify INPUT.pdf [--trust CA.pem ...] [--no-default-trust] [--json] [--lang vi|en]
[--pdf-report OUT.pdf] [--offline]``

Exit codes: 0 every signature TOTAL_PASSED (at least one); 1 some INDETERMINATE (none failed);
2 some TOTAL_FAILED, or no signature / not a signed PDF. A missing input file: 66; a bad --trust file: 65.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal, cast

import click


@click.command(name="verify")
@click.argument("input_pdf", metavar="INPUT.pdf", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--trust",
    "trust",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="CA certificate (PEM/DER) to trust; repeatable. DIGITIZE_TRUST_DIR adds a directory of them.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report (CONTRACT.md).")
@click.option(
    "--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of the readable report."
)
@click.option(
    "--pdf-report",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the readable report as a PDF.",
)
@click.option("--offline", is_flag=True, help="Do not fetch OCSP/CRL/certificates over the network.")
@click.option(
    "--no-default-trust",
    is_flag=True,
    help="Do not trust the shipped Vietnamese roots (nor those added with 'digitize trust add').",
)
@click.pass_context
def verify(
    ctx: click.Context,
    input_pdf: Path,
    trust: tuple[Path, ...],
    as_json: bool,
    lang: str | None,
    pdf_report: Path | None,
    offline: bool,
    no_default_trust: bool,
) -> None:
    """Verify every signature and document timestamp of a PDF (ETSI EN 319 102-1, Circular 15/2025)."""
    from digitize.services.verification import verify_local
    from digitize.verify import exit_code_for, render_pdf, render_text

    chosen = cast(Literal["vi", "en"], lang or (ctx.obj or {}).get("lang") or "vi")
    report = verify_local(
        input_pdf, trust=trust, allow_fetching=not offline, default_trust=not no_default_trust
    ).report
    if pdf_report is not None:
        data = render_pdf(report, chosen)
        tmp = pdf_report.with_name(pdf_report.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(pdf_report)
    if as_json:
        click.echo(json.dumps(report.contract_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(report, chosen), nl=False)
    sys.exit(exit_code_for(report))
