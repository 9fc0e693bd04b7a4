"""``kehoach serve``: a local web page over the folder's plan files (issue #17).

Installed with the ``web`` extra (``pip install "kehoach[web]"``: Starlette, uvicorn,
python-multipart); nothing else in kehoach imports this package, so the core install
stays light. :func:`kehoach.web.app.create_app` builds the application,
:func:`kehoach.web.serve.serve` runs it. The security model and the JSON API are in
docs/web.md.
"""
