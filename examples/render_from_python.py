"""Render plans from Python: from a file, from a dict, to a path and to a stream.

Run from the repository root: ``python examples/render_from_python.py [OUT_DIR]``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import kehoach
from kehoach.render import Renderer

HERE = Path(__file__).resolve().parent


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)

    # 1. A plan file, validated: errors name the file, the line and the field.
    plan = kehoach.load_plan(HERE / "sapa-2022-tuyen-giao.yaml")

    # 2. Render to a path (atomic; an existing file needs force=True).
    kehoach.render_plan(plan, out_dir / "sapa-2022.docx", force=True)

    # 3. A plan built by another program as a dict, rendered to a binary stream.
    data = {
        "year": 2027,
        "header": {
            "superior_body": "Đảng bộ tỉnh Lào Cai",
            "issuing_body": "Đảng ủy phường Sa Pa",
            "place": "Sa Pa",
            "date": {"year": 2027, "month": 1},
        },
        "title": {"subject": "công tác dân vận năm 2027"},
        "purposes": {
            "purpose": ["Nâng cao hiệu quả công tác dân vận & xây dựng khối đại đoàn kết."],
            "requirements": ["Bám sát nhiệm vụ chính trị của địa phương."],
        },
        "content": {
            "objectives": {
                "title": "Mục tiêu",
                "areas": [
                    {
                        "id": "dan-van-kheo",
                        "title": "Phong trào thi đua “Dân vận khéo”",
                        "content": [
                            {
                                "bullet": "Xây dựng {mo-hinh} “Dân vận khéo” tiêu biểu.",
                                "targets": [
                                    {
                                        "id": "mo-hinh",
                                        "quantity": 3,
                                        "unit": "mô hình",
                                        "qualifier": "ít nhất",
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        },
        "recipients": {"items": ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "filing": "Văn phòng"},
        "signature": {
            "authority": "T/M",
            "on_behalf_of": "Đảng ủy",
            "position": "Bí thư",
            "signer": "Nguyễn Văn A",
        },
    }
    stream = io.BytesIO()
    renderer = Renderer()  # load the template once, reuse it for many documents
    kehoach.render_plan(data, stream, renderer=renderer)
    (out_dir / "dan-van-2027.docx").write_bytes(stream.getvalue())

    # 4. Or look at the composed text without any DOCX.
    for line in kehoach.compose(data).plain_text()[:8]:
        print(line)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
