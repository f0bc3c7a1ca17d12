"""cchc: build the administrative-reform (CCHC) sub-site of a Sở GDĐT with MkDocs.

The domain logic lives here as plain, MkDocs-independent modules; the thin
MkDocs hooks in ``hooks/`` only wire them to build events.
"""
