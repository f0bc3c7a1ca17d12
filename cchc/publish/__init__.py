"""Publishing: check, strict build and deploy of a release (``cchc publish``), and the web server's configuration.

``run`` orders the steps; ``build`` runs MkDocs; ``summary`` tells the editor what failed, in each CI host's
place for it; ``target`` and ``releases`` put a release on a server (or a local folder) and switch to it in one
step; ``csp`` keeps the Content-Security-Policy of ``nginx/cchc.conf`` in step with the site's inline scripts.
"""
