"""The two Party profiles: 36-HD/VPTW (2018) and 05-HD/VPTW (2026).

Every 36-HD rule that could be read is identical in substance to 05-HD (F-SRC-2), so
both profiles share the same values; they differ in their dates and names, which is
what the checker reports and what a future difference would change.
"""

from __future__ import annotations

from datetime import date

from kehoach.profiles.base import FormatProfile

PARTY_2018 = FormatProfile(
    id="party-2018",
    name="Văn bản của Đảng (Hướng dẫn 36-HD/VPTW, ngày 03/4/2018)",
    guidance="36-HD/VPTW",
    valid_from=date(2018, 4, 3),  # F-SRC-2, F-SRC-3
    valid_until=date(2026, 5, 26),
    # F-SRC-2: an 05-HD rule without a 36-HD note is unconfirmed for 2018 documents.
    # These two are where 36-HD-era practice is known to differ: "./." closing the body
    # (F-BODY-6) and the body line spacing, whose 36-HD value is unconfirmed (F-BODY-5).
    rule_status={"F-BODY-6": "unconfirmed", "F-BODY-5": "unconfirmed"},
)

PARTY_2026 = FormatProfile(
    id="party-2026",
    name="Văn bản của Đảng (Hướng dẫn 05-HD/VPTW, ngày 27/5/2026)",
    guidance="05-HD/VPTW",
    valid_from=date(2026, 5, 27),  # F-SRC-1
    valid_until=None,
)
