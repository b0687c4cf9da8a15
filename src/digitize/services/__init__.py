"""Services: one function per thing a user does (ingest, processing, review, signing, verification,
agency reads, statistics, export/import/audit). The HTTP API, the web pages, the CLI and the workers call
these; they return frozen records and raise ``digitize.errors`` exceptions. No FastAPI or Celery imports here.
"""
