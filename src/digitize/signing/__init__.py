"""PAdES signing (pyHanko) with Decree 30/2020 appearances.

- ``keys``: ``open_key(P12Source | Pkcs11Source, pss=..., prompt=...) -> KeySession`` (one PIN entry).
- ``certcheck``: ``check_certificate(...)`` before signing (validity, key usage, chain, revocation).
- ``sign``: ``Signing(key, SignProfile, trust_roots).sign_file(SignRequest) / .sign_bytes(pdf) / .sign_many``.
- ``appearance``: the leader / organization / copy stamps (fpdf2, embedded Liberation Serif).
- ``profiles``: ``sign_with_profile(name, pdf_bytes)`` over ``Settings.signing_profiles_file`` (for the API).

Modules are imported on use: ``import digitize.signing`` stays cheap.
"""
