"""digitize: digitize, store, sign and verify the results of Vietnamese administrative procedures.

The core library. Read it top to bottom:

- ``pipeline``: intake → preprocess → recognize → compose → extract (one document, page by page)
- ``store``: database, objects, search (the reusable data store)
- ``signing``: keys (PKCS#12, PKCS#11), Decree 30 appearance, PAdES levels
- ``verify``: validation report
- ``tools``: one module per external program or sharp-edged library
- ``config`` (one settings class) and ``errors`` (one error hierarchy)

Nothing here imports FastAPI or Celery: ``api/`` and ``workers/`` are thin adapters over it.
"""

__version__ = "0.1.0"
