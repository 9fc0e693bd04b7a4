"""kehoach_block_kinds: a plugin adds a block kind that plans use and render."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, Field

import kehoach
from kehoach import BlockKind, InputError, PluginHookError, get_plugin_manager, hookimpl
from kehoach.check import check_docx
from plan_data import minimal_plan


class Slogan(BaseModel):
    """A slogan written in bold (a plugin's own block kind)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="Khẩu hiệu")
    by: str | None = Field(default=None, description="Nguồn")


def write_slogan(value: Slogan, out) -> None:
    out.paragraph(f"“{value.text}”", bold=True)
    if value.by:
        out.bullet(f"Nguồn: {value.by}.")


class SloganPlugin:
    @hookimpl
    def kehoach_block_kinds(self):
        return [BlockKind("slogan", Slogan, write_slogan)]


def _manager(**plugins: object):
    pm = get_plugin_manager()
    for name, plugin in plugins.items():
        pm.register(plugin, name=name)
    return pm


def _data() -> dict:
    data = minimal_plan()
    data["closing"] = [{"slogan": {"text": "Toàn dân đoàn kết!", "by": "Ban Tuyên giáo"}}]
    return data


@pytest.fixture(autouse=True)
def _no_env_disable(monkeypatch):
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)


def test_plugin_kind_loads_renders_and_checks_clean(tmp_path) -> None:
    """A plan using the plugin's kind loads with the plugin, renders its writer's lines."""
    pm = _manager(slogans=SloganPlugin())
    plan = kehoach.load_plan(_data(), plugin_manager=pm)
    lines = kehoach.compose(plan).plain_text()
    assert "“Toàn dân đoàn kết!”" in lines and "- Nguồn: Ban Tuyên giáo." in lines
    target = tmp_path / "k.docx"
    kehoach.render_plan(plan, target, plugin_manager=pm)
    assert [f.rule for f in check_docx(target).findings if f.severity == "error"] == []


def test_plugin_kind_dumps_as_written() -> None:
    """A plugin block dumps back to ``{key: value}``, so next year's plan keeps it."""
    pm = _manager(slogans=SloganPlugin())
    plan = kehoach.load_plan(_data(), plugin_manager=pm)
    assert plan.model_dump()["closing"][0] == {
        "slogan": {"text": "Toàn dân đoàn kết!", "by": "Ban Tuyên giáo"}
    }


def test_without_the_plugin_the_kind_is_unknown() -> None:
    """Without the plugin the block is an unknown kind, named by field."""
    with pytest.raises(InputError) as caught:
        kehoach.load_plan(_data())
    assert "closing[0]" in str(caught.value)


def test_bad_value_is_named_by_field() -> None:
    """The plugin's model validates the value; a wrong field is named."""
    data = _data()
    data["closing"][0]["slogan"]["colour"] = "đỏ"
    with pytest.raises(InputError) as caught:
        kehoach.load_plan(data, plugin_manager=_manager(slogans=SloganPlugin()))
    assert "colour" in str(caught.value)


def test_kehoachs_own_keys_cannot_be_taken() -> None:
    """A plugin may not redefine a built-in kind."""
    with pytest.raises(ValueError, match="kehoach"):
        BlockKind("tasks", Slogan, write_slogan)


def test_two_plugins_giving_one_key_is_an_error() -> None:
    """The same key from two plugins names the plugin that came second."""
    with pytest.raises(PluginHookError):
        kehoach.load_plan(_data(), plugin_manager=_manager(a=SloganPlugin(), b=SloganPlugin()))


def test_plan_type_gives_its_starting_sections_as_data() -> None:
    """A plan type's ``sections`` start the plan in the version 2 shape, fields filled in."""
    from kehoach import Organization, PlanType, SkeletonArea, starting_plan

    sections = (
        {"title": "Mục đích, yêu cầu", "content": [{"bullet": "[Ghi mục đích]"}]},
        {
            "title": "Nội dung và thời gian",
            "content": [
                {
                    "tasks": {
                        "style": "table",
                        "tasks": [{"id": "t1", "text": "[Ghi nhiệm vụ]", "lead": "{lead}"}],
                    }
                }
            ],
        },
        {"title": "Tổ chức thực hiện", "content": ["{lead} theo dõi, báo cáo {committee}."]},
    )
    plan_type = PlanType(
        id="bau-cu",
        name="Bầu cử",
        name_en="Elections",
        title_pattern="Kế hoạch tuyên truyền bầu cử năm {year}",
        areas=(SkeletonArea("a", "A", "Ghi A"),),
        units=("Ban Tuyên giáo và Dân vận",),
        sections=sections,
    )
    plan = starting_plan(plan_type, Organization("Đảng ủy xã Tả Van", 2027))
    assert plan.version == 2 and plan.content is None
    assert [s.title for s in plan.sections] == [s["title"] for s in sections]
    task = next(kehoach.model.iter_tasks(plan))
    assert task.lead == "Ban Tuyên giáo và Dân vận"
    lines = kehoach.compose(plan).plain_text()
    assert any(line.startswith("Ban Tuyên giáo và Dân vận theo dõi, báo cáo") for line in lines)
