"""The officer's local signing agent: the key (USB token over PKCS#11, or a PKCS#12 file) and its PIN stay on
the officer's PC; the agent pulls the signing sessions waiting for its officer from the server, shows what
will be signed, asks, logs in to the token ONCE for the whole batch, signs each digest and posts the values.

Pull model: the agent opens no port; it talks to the server over HTTP(S) with the API key it was paired with
(``pair``: stored in a 0600 file on the PC). ``digitize agent`` is the command line over this module.

    config = AgentConfig.load(path)
    with httpx.Client(base_url=config.server, headers=config.headers()) as http:
        agent = Agent(http)
        batch = agent.pending()                       # what waits for this officer
        outcomes = agent.sign_batch(batch, source, confirm=ask, prompt=getpass)
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digitize.errors import DigitizeError, KeyAccessError, UsageError
from digitize.signing.keys import KeySession, KeySource, Prompt, open_key, sign_digest
from digitize.signing.sessions import fingerprint

DEFAULT_CONFIG = Path("~/.config/digitize/agent.json")


def config_path(path: Path | None = None) -> Path:
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get("DIGITIZE_AGENT_CONFIG")
    return Path(env).expanduser() if env else DEFAULT_CONFIG.expanduser()


@dataclass(frozen=True)
class AgentConfig:
    """Where the server is and the API key the agent was paired with."""

    server: str
    api_key: str

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(path.name + ".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"server": self.server, "api_key": self.api_key}, f)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> AgentConfig:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(str(data["server"]), str(data["api_key"]))
        except (OSError, ValueError, KeyError, TypeError):
            raise UsageError(
                f"Trình ký chưa được ghép nối với máy chủ ({path}): chạy 'digitize agent pair' trước",
                f"the agent is not paired with a server ({path}): run 'digitize agent pair' first",
            ) from None


@dataclass(frozen=True)
class Outcome:
    session_id: str
    document_id: str
    ok: bool
    message: str


# what the officer reads beside each document: Vietnamese first, English too
SIGNED = "đã ký / signed"
ANOTHER_CERTIFICATE = "phiên ký dành cho chứng thư khác / prepared for another certificate"


def _both(err: DigitizeError) -> str:
    """An error's message in both languages, Vietnamese first (once when they are the same)."""
    if err.message_en == err.message_vi:
        return err.message_vi
    return f"{err.message_vi} / {err.message_en}"


def _error(response: Any) -> DigitizeError:
    try:
        err = response.json()["error"]
        vi = shown(f"{err.get('code')}: {err.get('message')}")
        en = shown(f"{err.get('code')}: {err.get('message_en') or err.get('message')}")
    except Exception:
        vi = en = f"HTTP {response.status_code}"
    return DigitizeError(f"Máy chủ từ chối: {vi}", f"the server refused: {en}")


def redeem_code(server: str, code: str, device: str | None = None, *, http: Any = None) -> AgentConfig:
    """Trade the pairing code shown on the officer's signing page for the agent's API key
    (``POST /api/v1/agent/pair``); the server's refusal comes back as the same error (401 wrong code,
    409 used, 410 expired, 429 too many attempts)."""
    import httpx

    from digitize import errors

    server = server.strip().rstrip("/")
    if not server.startswith(("https://", "http://")):
        raise UsageError(f"Địa chỉ máy chủ không hợp lệ: {server!r}", f"invalid server URL: {server!r}")
    client = http or httpx.Client(timeout=30)
    try:
        r = client.post(f"{server}/api/v1/agent/pair", json={"code": code, "device": device})
    except httpx.HTTPError as exc:
        raise errors.ServiceUnavailable(
            f"Không kết nối được máy chủ {server}: {type(exc).__name__}",
            f"cannot reach the server {server}: {type(exc).__name__}",
        ) from None
    finally:
        if http is None:
            client.close()
    if r.status_code != 201:
        kind: type[DigitizeError] = {
            401: errors.Unauthenticated,
            409: errors.Conflict,
            410: errors.Gone,
            429: errors.RateLimited,
        }.get(r.status_code, DigitizeError)
        try:
            err = r.json()["error"]
            vi, en = str(err.get("message")), str(err.get("message_en") or err.get("message"))
        except Exception:
            vi = en = f"HTTP {r.status_code}"
        raise kind(f"Máy chủ từ chối ghép nối: {vi}", f"the server refused to pair: {en}")
    return AgentConfig(server, str(r.json()["api_key"]))


class Agent:
    """The agent's conversation with the server, over an ``httpx.Client`` whose base URL is the server and
    whose headers carry the paired API key."""

    def __init__(self, http: Any) -> None:
        self.http = http

    def check(self) -> None:
        """That the server answers and accepts the key (pairing)."""
        r = self.http.get("/api/v1/signing-sessions", params={"limit": 1})
        if r.status_code != 200:
            raise _error(r)

    def pending(self) -> list[dict[str, Any]]:
        r = self.http.get("/api/v1/signing-sessions")
        if r.status_code != 200:
            raise _error(r)
        return list(r.json()["items"])

    def request(
        self, document_ids: Sequence[str], certificate_pem: str, **options: Any
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Ask the server to prepare these documents for this certificate (one batch, in parallel)."""
        body = {"documents": list(document_ids), "certificate": certificate_pem, **options}
        r = self.http.post("/api/v1/signing-sessions", json=body)
        if r.status_code != 201:
            raise _error(r)
        data = r.json()
        return list(data["items"]), list(data["errors"])

    def sign_batch(
        self,
        sessions: Sequence[dict[str, Any]],
        key: KeySession,
        *,
        on_progress: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Sign the digests of ``sessions`` with the open ``key`` and post the values. Sessions prepared for
        another certificate than the key's are left alone."""
        mine = fingerprint(key.certificate)
        outcomes: list[Outcome] = []
        for sess in sessions:
            sid, doc = str(sess["id"]), str(sess["document_id"])
            if sess.get("certificate_fingerprint") not in (None, mine):
                outcome = Outcome(sid, doc, False, ANOTHER_CERTIFICATE)
            else:
                try:
                    value = sign_digest(
                        key, base64.b64decode(sess["digest"]), str(sess["signature_algorithm"])
                    )
                    r = self.http.post(
                        f"/api/v1/signing-sessions/{sid}/signature",
                        json={"signature": base64.b64encode(value).decode("ascii")},
                    )
                    outcome = (
                        Outcome(sid, doc, True, SIGNED) if r.status_code == 200 else
                        Outcome(sid, doc, False, _both(_error(r)))
                    )  # fmt: skip
                except DigitizeError as exc:
                    outcome = Outcome(sid, doc, False, _both(exc))
            outcomes.append(outcome)
            if on_progress is not None:
                on_progress(outcome)
        return outcomes

    def sign_batch_remote(
        self,
        sessions: Sequence[dict[str, Any]],
        key: Any,
        *,
        on_progress: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """The same with a remote signing service (``signing.csc.CscKey``): one authorisation (one approval
        by the holder) for the whole batch, then one value posted per session."""
        mine = fingerprint(key.certificate)
        ours = [s for s in sessions if s.get("certificate_fingerprint") in (None, mine)]
        outcomes = [
            Outcome(str(s["id"]), str(s["document_id"]), False, ANOTHER_CERTIFICATE)
            for s in sessions
            if s not in ours
        ]
        by_algorithm: dict[str, list[dict[str, Any]]] = {}
        for sess in ours:
            by_algorithm.setdefault(str(sess["signature_algorithm"]), []).append(sess)
        for algorithm, group in by_algorithm.items():
            try:
                values = key.sign_digests([base64.b64decode(s["digest"]) for s in group], algorithm)
            except DigitizeError as exc:
                values = [None] * len(group)
                error = _both(exc)
            for sess, value in zip(group, values, strict=True):
                sid, doc = str(sess["id"]), str(sess["document_id"])
                if value is None:
                    outcome = Outcome(sid, doc, False, error)
                else:
                    r = self.http.post(
                        f"/api/v1/signing-sessions/{sid}/signature",
                        json={"signature": base64.b64encode(value).decode("ascii")},
                    )
                    ok = r.status_code == 200
                    outcome = Outcome(sid, doc, ok, SIGNED if ok else _both(_error(r)))
                outcomes.append(outcome)
                if on_progress is not None:
                    on_progress(outcome)
        return outcomes


def shown(value: object) -> str:
    """Text from the server as the officer's terminal shows it (``digitize.text.printable``)."""
    from digitize.text import printable

    return printable(value)


def describe(sess: dict[str, Any]) -> str:
    """One line: what will be signed (document, number, holder, role, level), shown as ``shown`` cleans it."""
    d = sess.get("document") or {}
    parts = [
        str(d.get("type_name") or d.get("filename") or sess.get("document_id")),
        f"số {d['number']}" if d.get("number") else "",
        f"— {d['holder_name']}" if d.get("holder_name") else "",
        f"[{sess.get('role')}, {sess.get('level')}]",
    ]
    return shown(" ".join(p for p in parts if p))


def open_for_batch(source: KeySource, prompt: Prompt | None) -> KeySession:
    """Open the key once for a batch (one PIN entry)."""
    try:
        return open_key(source, prompt=prompt)
    except KeyAccessError:
        raise
    except DigitizeError as exc:
        raise KeyAccessError(exc.message_vi, exc.message_en) from None


def certificate_pem(key: Any) -> str:
    """The key's certificate followed by its chain, PEM (what a session is prepared for)."""
    from asn1crypto import pem

    return "".join(pem.armor("CERTIFICATE", c.dump()).decode("ascii") for c in (key.certificate, *key.chain))
