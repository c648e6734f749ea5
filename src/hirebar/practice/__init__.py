"""Services that tie content, grading and store together for the adapters.

Import from the modules (``practice.service``, ``practice.errors``): the service
pulls in the database and model code, which a bare ``--help`` should not pay for.
"""
