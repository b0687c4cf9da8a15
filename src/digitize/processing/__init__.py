"""Processing: one state machine, two executors.

* ``machine``: the state machine every executor runs: intake → pages → compose, claims, leases, attempts,
  give-ups, and the one ``finish_document`` (docs/processing.md).
* ``executor``: the embedded executor (``LocalPool``: one process per core, owns and stops its children) and
  dispatch (``enqueue``; Celery's dispatcher is registered by the adapter at start, never imported here).
"""
