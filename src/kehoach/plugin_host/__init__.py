"""The plugin machinery: how kehoach finds, loads and asks its plugins.

- :mod:`~kehoach.plugin_host.hookspecs`: the hook specifications (the plugin contract);
- :mod:`~kehoach.plugin_host.manager`: the plugin manager factory, entry-point loading,
  blocking, and calling hooks with the plugin named in every error;
- :mod:`~kehoach.plugin_host.registry`: plan types and the registry plugins add them to;
- :mod:`~kehoach.plugin_host.review`: the review runner (built-in, plan-type and plugin
  checks);
- :mod:`~kehoach.plugin_host.renderer`: a renderer with the plugins' template, context
  and post-processing hooks;
- :mod:`~kehoach.plugin_host.errors`: the errors plugins cause;
- :mod:`~kehoach.plugin_host.declared`: whether any distribution besides kehoach
  declares plugins, read from ``sys.path`` without loading anything.

The plugins themselves, built-in ones included, live in :mod:`kehoach.plugins` and load
through the ``kehoach`` entry-point group. Plugins import from :mod:`kehoach` (the
public API), never from here. Nothing is imported here, so that importing one module of
the machinery does not load the rest.
"""
