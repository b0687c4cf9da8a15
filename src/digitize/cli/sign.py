"""``digitize sign INPUT -o OUTPUT (--p12 FILE --p12-password-env VAR | --pkcs11-module LIB --token-label L
--key-label K --pin-env VAR) [--role leader|organization|copy] [--level B-B|B-T|B-LT|B-LTA] [--tsa URL]
[--trust CA.pem ...] [--signature-image PNG] [--seal-image PNG] [--title T] [--name N]``

Batch: several INPUTs with ``--output-dir DIR`` (one key session, one PIN entry). The password/PIN is read
from the named environment variable, or prompted for (hidden) when none is named. Outputs are written
atomically: on error no output file is left.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


def _box(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.replace(";", ",").split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise click.BadParameter("expected x1,y1,x2,y2 in points", param_hint="--box")
    return parts


@click.command(name="sign")
@click.argument(
    "inputs", metavar="INPUT...", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Signed PDF (one INPUT).",
)
@click.option(
    "--output-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for the signed PDFs (several INPUTs; same file names).",
)
@click.option(
    "--p12", type=click.Path(path_type=Path, dir_okay=False), default=None, help="PKCS#12 key file."
)
@click.option(
    "--p12-password-env",
    metavar="VAR",
    default=None,
    help="Environment variable holding the PKCS#12 password (prompted for when absent).",
)
@click.option(
    "--pkcs11-module",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="PKCS#11 library of the token (e.g. /usr/lib/softhsm/libsofthsm2.so).",
)
@click.option("--token-label", default=None, help="Label of the PKCS#11 token.")
@click.option("--key-label", default=None, help="Label of the key (and its certificate) on the token.")
@click.option(
    "--pin-env",
    metavar="VAR",
    default=None,
    help="Environment variable holding the token PIN (prompted for when absent).",
)
@click.option(
    "--role", type=click.Choice(["leader", "organization", "copy"]), default="leader", show_default=True
)
@click.option("--level", type=click.Choice(["B-B", "B-T", "B-LT", "B-LTA"]), default="B-B", show_default=True)
@click.option("--tsa", metavar="URL", default=None, help="RFC 3161 timestamp server (B-T and above).")
@click.option(
    "--trust",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Trusted CA certificate (PEM/DER); repeatable. DIGITIZE_TRUST_DIR adds a directory.",
)
@click.option(
    "--signature-image",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Signature image (transparent PNG) for the leader's appearance.",
)
@click.option(
    "--seal-image",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Seal image (PNG, actual size from its DPI) for the organisation's appearance.",
)
@click.option("--title", default="Giám đốc", show_default=True, help="Title above the leader's signature.")
@click.option("--name", default=None, help="Full name under the signature (default: certificate's CN).")
@click.option("--organization", default=None, help="Organisation name (default: certificate's O).")
@click.option(
    "--copy-kind",
    default="BẢN SAO ĐIỆN TỬ",
    show_default=True,
    help="Text of a copy's stamp (e.g. 'BẢN SỐ HÓA').",
)
@click.option("--certify", is_flag=True, help="Certification signature (DocMDP); must be the first one.")
@click.option(
    "--docmdp",
    type=click.Choice(["1", "2", "3"]),
    default="2",
    show_default=True,
    help="DocMDP permissions with --certify: 1 no change, 2 forms+signatures, 3 also annotations.",
)
@click.option(
    "--reserve",
    multiple=True,
    type=click.Choice(["organization", "copy"]),
    help="With --certify: empty fields to create for later signers (default for a leader: both).",
)
@click.option("--no-reserve", is_flag=True, help="With --certify: create no empty fields for later signers.")
@click.option("--pss", is_flag=True, help="RSASSA-PSS instead of PKCS#1 v1.5 for RSA keys.")
@click.option("--page", type=int, default=None, help="Page (1-based; negative from the end).")
@click.option("--box", default=None, metavar="X1,Y1,X2,Y2", help="Widget rectangle in points.")
@click.option("--invisible", is_flag=True, help="No visible appearance.")
@click.option("--reason", default=None)
@click.option("--location", default=None)
@click.option("--no-revocation-check", is_flag=True, help="Do not ask OCSP/CRL before signing.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON lines.")
def sign(
    inputs: tuple[Path, ...],
    output: Path | None,
    output_dir: Path | None,
    p12: Path | None,
    p12_password_env: str | None,
    pkcs11_module: Path | None,
    token_label: str | None,
    key_label: str | None,
    pin_env: str | None,
    role: str,
    level: str,
    tsa: str | None,
    trust: tuple[Path, ...],
    signature_image: Path | None,
    seal_image: Path | None,
    title: str,
    name: str | None,
    organization: str | None,
    copy_kind: str,
    certify: bool,
    docmdp: str,
    reserve: tuple[str, ...],
    no_reserve: bool,
    pss: bool,
    page: int | None,
    box: str | None,
    invisible: bool,
    reason: str | None,
    location: str | None,
    no_revocation_check: bool,
    as_json: bool,
) -> None:
    """Sign PDFs (PAdES B-B … B-LTA) with the Decree 30/2020 appearance."""
    from digitize.certs import load_trust_roots
    from digitize.config import get_settings
    from digitize.errors import NotFound, UsageError
    from digitize.signing.keys import KeySource, P12Source, Pkcs11Source, open_key
    from digitize.signing.sign import Signing, SignProfile, SignRequest

    settings = get_settings()
    if len(inputs) == 1 and output is not None and output_dir is None:
        requests = [SignRequest(inputs[0], output)]
    elif output_dir is not None and output is None:
        requests = [SignRequest(i, output_dir / i.name) for i in inputs]
    else:
        raise UsageError(
            "Cần -o OUTPUT cho một tệp, hoặc --output-dir cho nhiều tệp",
            "give -o OUTPUT for one input, or --output-dir for several",
        )
    for r in requests:
        if not r.input.is_file():
            raise NotFound(f"Không tìm thấy tệp {r.input}", f"no such file: {r.input}")
        if r.output.resolve() == r.input.resolve():
            raise UsageError("Tệp kết quả phải khác tệp đầu vào", "the output must differ from the input")

    source: KeySource
    if p12 is not None and pkcs11_module is None:
        source = P12Source(p12, p12_password_env)
    elif pkcs11_module is not None and p12 is None:
        if not token_label or not key_label:
            raise UsageError(
                "--pkcs11-module cần --token-label và --key-label",
                "--pkcs11-module needs --token-label and --key-label",
            )
        source = Pkcs11Source(pkcs11_module, token_label, key_label, pin_env)
    else:
        raise UsageError(
            "Chọn một khóa: --p12 FILE hoặc --pkcs11-module LIB",
            "choose one key: --p12 FILE or --pkcs11-module LIB",
        )

    profile = SignProfile(
        role=role,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        tsa_url=tsa or (settings.tsa_url if level != "B-B" else None),
        pss=pss,
        certify=certify,
        docmdp=int(docmdp),  # type: ignore[arg-type]
        reserve=() if no_reserve else (tuple(reserve) or None),  # type: ignore[arg-type]
        title=title,
        name=name,
        organization=organization,
        signature_image=signature_image,
        seal_image=seal_image,
        copy_kind=copy_kind,
        page=(page - 1 if page and page > 0 else page),
        box=_box(box),
        visible=not invisible,
        reason=reason,
        location=location,
        check_revocation=not no_revocation_check,
    )
    roots = load_trust_roots(trust, settings.trust_dir)

    def prompt(text: str) -> str:
        return str(click.prompt(text, hide_input=True, err=True))

    if not roots:
        click.echo(
            "digitize: cảnh báo: chưa cấu hình CA tin cậy (--trust, DIGITIZE_TRUST_DIR), "
            "không kiểm tra chuỗi chứng thư tới CA tin cậy (warning: no trusted CA configured; "
            "the chain to a trusted root is not checked)",
            err=True,
        )
    with open_key(source, pss=pss, prompt=prompt) as key:
        signing = Signing(key, profile, roots, require_trust=bool(roots))
        for req in requests:
            result = signing.sign_file(req)
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "input": str(req.input),
                            "output": str(result.output),
                            "field": result.field_name,
                            "role": result.role,
                            "level": result.level,
                            "signer": result.signer_name,
                            "serial": result.signer_serial,
                            "signing_time": result.signing_time,
                            "certified": result.certified,
                            "sha256": result.sha256,
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                click.echo(
                    f"{result.output}: {result.level} {result.role} — {result.signer_name} "
                    f"({result.signing_time})"
                )
