"""The rules that judge a read document against a format profile (rule ids F-…, V-…).

Each module checks one part of the document (:mod:`.header`, :mod:`.title`,
:mod:`.kinh_gui`, :mod:`.body`, :mod:`.closing`, :mod:`.page`, :mod:`.text`, and
:mod:`.layout` for laid-out pages) and reports through a :class:`.collect.Collector`;
:mod:`.styling` holds the formatting comparisons they share. Rules read the document only
through :mod:`kehoach.check.read`; :mod:`kehoach.check.engine` runs them.
"""
