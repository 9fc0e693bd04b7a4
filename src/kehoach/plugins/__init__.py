"""kehoach's built-in plugins, loaded through the ``kehoach`` entry points like any other.

``core`` carries the default template and the built-in review checks; ``tuyen_giao``,
``dan_van`` and ``khoa_giao`` the built-in plan types. They use only kehoach's public
API, as a third-party plugin would, and each can be disabled (``--disable-plugin``).
"""
