"""The store outlives the software: export to a BagIt bag (optionally an E-ARK CSIP archival package with
METS and PREMIS), import of such a bag into another home, and fixity audits of every stored object.

* ``layout``: where things are inside a bag, and the checks every path read from a bag goes through.
* ``rows``: database rows to JSON and back (every column, so a record comes back exactly).
* ``export``: ``export_store()``, streaming (pages of documents, objects copied in chunks).
* ``importing``: ``import_bag()``, which validates before it writes anything.
* ``fixity``: ``audit_objects()``, which recomputes every object's sha256 and never repairs.
* ``mets``: the METS and PREMIS XML of ``--format aip``.

The adapters call ``digitize.services.preservation``.
"""
