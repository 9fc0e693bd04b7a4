"""Each hook does what docs/plugins.md says, and a failing hook names its plugin."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import kehoach
from kehoach import (
    DuplicatePlanTypeError,
    PlanType,
    PlanWarning,
    PluginError,
    PluginHookError,
    SkeletonArea,
    format_profiles,
    get_plugin_manager,
    hookimpl,
    plan_types,
    render_plan,
    render_plan_bytes,
    review_plan,
)
from plan_data import minimal_plan
from plugin_fakes import document_xml, template_with

AREA = SkeletonArea("a", "A", "Ghi A")
CORPUS = Path(__file__).resolve().parent / "data" / "real-docx"


def _type(type_id: str) -> PlanType:
    return PlanType(
        id=type_id, name="T", name_en="T", title_pattern="Kế hoạch T năm {year}", areas=(AREA,)
    )


def _manager(**plugins: object):
    """The built-ins plus ``plugins`` registered by name (what entry points would do)."""
    pm = get_plugin_manager()
    for name, plugin in plugins.items():
        pm.register(plugin, name=name)
    return pm


def _plan(**changes: object) -> kehoach.Plan:
    data = minimal_plan()
    data.update(changes)
    return kehoach.load_plan(data)


@pytest.fixture(autouse=True)
def _no_env_disable(monkeypatch):
    monkeypatch.delenv("KEHOACH_DISABLE_PLUGINS", raising=False)


# --- kehoach_register_plan_types ------------------------------------------------------


def test_register_plan_types_adds_types_with_their_plugin():
    """kehoach_register_plan_types: a plugin's types are in the registry, attributed to it."""

    class Plugin:
        @hookimpl
        def kehoach_register_plan_types(self, registry):
            registry.add(_type("thu-nghiem"))

    registry = plan_types(_manager(mine=Plugin()))
    assert registry.get("thu-nghiem").name == "T"
    assert registry.provider("thu-nghiem") == "mine"
    assert registry.provider("dan-van") == "dan_van"


def test_duplicate_plan_type_id_names_both_plugins():
    """Two plugins registering one id is a DuplicatePlanTypeError naming both."""

    class Plugin:
        @hookimpl
        def kehoach_register_plan_types(self, registry):
            registry.add(_type("dan-van"))

    with pytest.raises(DuplicatePlanTypeError) as caught:
        plan_types(_manager(copycat=Plugin()))
    message = caught.value.messages("en")[0]
    assert "dan-van" in message and "dan_van" in message and "copycat" in message
    assert "đăng ký hai lần" in caught.value.messages("vi")[0]


def test_invalid_plan_type_is_reported_as_the_plugins_error():
    """A PlanType that fails validation inside the hook names the plugin and the hook."""

    class Plugin:
        @hookimpl
        def kehoach_register_plan_types(self, registry):
            registry.add(_type("Không_Hợp_Lệ"))

    with pytest.raises(PluginHookError) as caught:
        plan_types(_manager(sloppy=Plugin()))
    assert caught.value.plugin == "sloppy"
    assert caught.value.hook == "kehoach_register_plan_types"


# --- kehoach_template -----------------------------------------------------------------


def test_template_hook_replaces_the_default_letterhead(tmp_path):
    """kehoach_template: a plugin's answer wins over core's trylast default."""
    template = template_with(tmp_path / "mine.docx", "MẪU RIÊNG CỦA TỈNH")

    class Plugin:
        @hookimpl
        def kehoach_template(self, plan, plan_type):
            assert plan_type is None or plan_type.id == plan.plan_type
            return template

    pm = _manager(letterhead=Plugin())
    assert "MẪU RIÊNG CỦA TỈNH" in document_xml(render_plan_bytes(_plan(), plugin_manager=pm))
    # Direct pluggy call: firstresult gives one answer, the plugin's.
    assert pm.hook.kehoach_template(plan=_plan(), plan_type=None) == template
    default = render_plan_bytes(_plan(), plugin_manager=get_plugin_manager())
    assert "MẪU RIÊNG CỦA TỈNH" not in document_xml(default)


def test_template_hook_none_leaves_the_default():
    """A plugin answering None leaves the choice to the next one (core's default)."""

    class Plugin:
        @hookimpl
        def kehoach_template(self):
            return None

    pm = _manager(shy=Plugin())
    assert pm.hook.kehoach_template(plan=_plan(), plan_type=None) == kehoach.default_template()
    assert render_plan_bytes(_plan(), plugin_manager=pm)


def test_template_hook_missing_file_names_the_plugin(tmp_path):
    """A template path that does not exist is an error naming the plugin."""

    class Plugin:
        @hookimpl
        def kehoach_template(self):
            return tmp_path / "nowhere.docx"

    with pytest.raises(PluginHookError) as caught:
        render_plan_bytes(_plan(), plugin_manager=_manager(lost=Plugin()))
    assert caught.value.plugin == "lost" and caught.value.hook == "kehoach_template"


def test_template_hook_unusable_template_names_the_plugin(tmp_path):
    """A template the renderer refuses (not a DOCX) is an error naming the plugin."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")

    class Plugin:
        @hookimpl
        def kehoach_template(self):
            return bad

    with pytest.raises(PluginError) as caught:
        render_plan_bytes(_plan(), plugin_manager=_manager(broken=Plugin()))
    assert "broken" in caught.value.messages("en")[0]


# --- kehoach_jinja_filters ------------------------------------------------------------


def test_jinja_filters_hook_adds_filters(tmp_path):
    """kehoach_jinja_filters: a plugin's filter is usable in a template."""
    template = template_with(tmp_path / "t.docx", "{{ issuing_body|initials }}")

    class Plugin:
        @hookimpl
        def kehoach_jinja_filters(self):
            return {"initials": lambda text: "".join(w[0] for w in str(text).split()) + "#"}

        @hookimpl
        def kehoach_template(self):
            return template

    data = render_plan_bytes(_plan(), plugin_manager=_manager(filters=Plugin()))
    assert "TỦSP#" in document_xml(data)  # THỊ ỦY SA PA


def test_jinja_filters_given_twice_is_an_error():
    """Two plugins giving the same filter name is an error naming the second."""

    class One:
        @hookimpl
        def kehoach_jinja_filters(self):
            return {"same": str}

    class Two:
        @hookimpl
        def kehoach_jinja_filters(self):
            return {"same": repr}

    with pytest.raises(PluginHookError) as caught:
        render_plan_bytes(_plan(), plugin_manager=_manager(one=One(), two=Two()))
    assert caught.value.hook == "kehoach_jinja_filters"
    assert "same" in str(caught.value)


# --- kehoach_template_context ---------------------------------------------------------


def test_template_context_hook_adds_variables(tmp_path):
    """kehoach_template_context: extra variables reach the template, escaped."""
    template = template_with(tmp_path / "t.docx", "{{ ma_so }}")

    class Plugin:
        @hookimpl
        def kehoach_template_context(self, plan, plan_type, document):
            assert document.issuing_body == "THỊ ỦY SA PA"
            return {"ma_so": f"MS-{plan.year} & <ok>"}

        @hookimpl
        def kehoach_template(self):
            return template

    data = render_plan_bytes(_plan(), plugin_manager=_manager(ctx=Plugin()))
    assert "MS-2022 &amp; &lt;ok&gt;" in document_xml(data)


def test_template_context_cannot_replace_kehoachs_variables():
    """A context name of kehoach's own (issuing_body) is an error naming the plugin."""

    class Plugin:
        @hookimpl
        def kehoach_template_context(self):
            return {"issuing_body": "GIẢ MẠO"}

    with pytest.raises(PluginHookError) as caught:
        render_plan_bytes(_plan(), plugin_manager=_manager(forger=Plugin()))
    assert caught.value.plugin == "forger" and "issuing_body" in str(caught.value)


# --- kehoach_postprocess_docx ---------------------------------------------------------


def test_postprocess_docx_hook_changes_the_document():
    """kehoach_postprocess_docx: every implementation edits the python-docx Document."""

    class One:
        @hookimpl
        def kehoach_postprocess_docx(self, docx, plan):
            docx.add_paragraph(f"THÊM BỞI PLUGIN {plan.year}")

    class Two:
        @hookimpl
        def kehoach_postprocess_docx(self, docx):
            docx.core_properties.subject = "chủ đề"

    data = render_plan_bytes(_plan(), plugin_manager=_manager(one=One(), two=Two()))
    assert "THÊM BỞI PLUGIN 2022" in document_xml(data)
    import io

    import docx

    assert docx.Document(io.BytesIO(data)).core_properties.subject == "chủ đề"


# --- kehoach_review_plan --------------------------------------------------------------


def test_review_plan_hook_adds_tagged_warnings():
    """kehoach_review_plan: a plugin's warnings are returned, tagged with the plugin."""

    class Plugin:
        @hookimpl
        def kehoach_review_plan(self, plan, plan_type):
            return [PlanWarning("ORG-1", "year", f"năm {plan.year}", f"year {plan.year}")]

    warnings = review_plan(_plan(), plugin_manager=_manager(org=Plugin()))
    mine = [w for w in warnings if w.code == "ORG-1"]
    assert len(mine) == 1 and mine[0].plugin == "org" and mine[0].message("en") == "year 2022"


def test_plan_type_checks_run_for_plans_of_that_type():
    """A PlanType's own checks run for its plans only, tagged with its plugin."""

    def check(plan):
        yield PlanWarning("T-1", "", "riêng", "own")

    class Plugin:
        @hookimpl
        def kehoach_register_plan_types(self, registry):
            registry.add(
                PlanType(
                    id="loai-t",
                    name="T",
                    name_en="T",
                    title_pattern="Kế hoạch T năm {year}",
                    areas=(AREA,),
                    checks=(check,),
                )
            )

    pm = _manager(typed=Plugin())
    own = [w for w in review_plan(_plan(plan_type="loai-t"), plugin_manager=pm)]
    assert [(w.code, w.plugin) for w in own if w.code == "T-1"] == [("T-1", "typed")]
    assert not [w for w in review_plan(_plan(), plugin_manager=pm) if w.code == "T-1"]


# --- kehoach_format_profiles ---------------------------------------------------------


def test_format_profiles_hook_gives_kehoachs_own_profiles():
    """kehoach_format_profiles: the built-in profiles plugin gives Party and State profiles."""
    profiles = format_profiles(get_plugin_manager())
    assert {"party-2018", "party-2026", "state-2020"} <= set(profiles)
    assert profiles["state-2020"].family == "state"


def test_format_profiles_hook_adds_a_profile_check_uses(tmp_path):
    """A plugin's profile for a class kehoach does not check makes check use it."""
    import dataclasses
    from datetime import date

    from kehoach.check import run_check_command

    front = dataclasses.replace(
        kehoach.BUILTIN_PROFILES["state-2020"],
        id="mttq-2020",
        name="MTTQ",
        family="fatherland-front",
        valid_from=date(2020, 3, 5),
    )

    class Plugin:
        @hookimpl
        def kehoach_format_profiles(self):
            return [front]

    profiles = format_profiles(_manager(mttq=Plugin()))
    assert profiles["mttq-2020"] is front
    document = CORPUS / "mttq-ke-hoach-kiem-tra-giam-sat.docx"
    out = io.StringIO()
    assert run_check_command([document], fmt="json", out=out) == 3
    out = io.StringIO()
    code = run_check_command([document], fmt="json", out=out, profiles=profiles)
    assert code in (0, 1) and '"id": "mttq-2020"' in out.getvalue()


def test_format_profiles_given_twice_is_an_error():
    """Two plugins giving one profile id is a PluginHookError naming both plugins."""

    class Plugin:
        @hookimpl
        def kehoach_format_profiles(self):
            return [kehoach.BUILTIN_PROFILES["party-2026"]]

    with pytest.raises(PluginHookError) as caught:
        format_profiles(_manager(again=Plugin()))
    named = {caught.value.plugin, str(caught.value.error).split("“")[-1].rstrip("”")}
    assert named == {"again", "profiles"} and "party-2026" in str(caught.value.error)


# --- a raising hook -------------------------------------------------------------------

HOOK_CALLS = {
    "kehoach_register_plan_types": lambda pm: plan_types(pm),
    "kehoach_template": lambda pm: render_plan_bytes(_plan(), plugin_manager=pm),
    "kehoach_jinja_filters": lambda pm: render_plan_bytes(_plan(), plugin_manager=pm),
    "kehoach_template_context": lambda pm: render_plan_bytes(_plan(), plugin_manager=pm),
    "kehoach_postprocess_docx": lambda pm: render_plan_bytes(_plan(), plugin_manager=pm),
    "kehoach_review_plan": lambda pm: review_plan(_plan(), plugin_manager=pm),
    "kehoach_format_profiles": lambda pm: format_profiles(pm),
}


@pytest.mark.parametrize("hook", sorted(HOOK_CALLS))
def test_raising_hook_names_plugin_and_hook(hook: str):
    """Any hook that raises gives a PluginHookError naming the plugin and the hook."""

    def boom(**kwargs):
        raise ZeroDivisionError("lỗi trong plugin")

    plugin = type("Boom", (), {hook: staticmethod(hookimpl(boom))})()
    with pytest.raises(PluginHookError) as caught:
        HOOK_CALLS[hook](_manager(boom=plugin))
    error = caught.value
    assert (error.plugin, error.hook) == ("boom", hook)
    assert isinstance(error.error, ZeroDivisionError)
    assert f"plugin “boom” failed in hook {hook}" in error.messages("en")[0]
    assert f"plugin “boom” bị lỗi trong hook {hook}" in error.messages("vi")[0]


def test_raising_postprocess_writes_no_file(tmp_path):
    """A plugin failing while rendering leaves no output file (and no temporary one)."""

    class Plugin:
        @hookimpl
        def kehoach_postprocess_docx(self):
            raise RuntimeError("hỏng")

    target = tmp_path / "out.docx"
    with pytest.raises(PluginHookError):
        render_plan(_plan(), target, plugin_manager=_manager(bad=Plugin()))
    assert list(tmp_path.iterdir()) == []


def test_explicit_renderer_bypasses_plugins(tmp_path):
    """render_plan(renderer=…) uses that renderer as it is; plugins are not asked."""
    from kehoach.render import Renderer

    class Plugin:
        @hookimpl
        def kehoach_template(self):
            raise AssertionError("not asked")

    data = render_plan_bytes(_plan(), renderer=Renderer(), plugin_manager=_manager(x=Plugin()))
    assert data[:2] == b"PK"


def test_render_uses_a_default_manager_without_argument(monkeypatch):
    """Without plugin_manager, rendering builds the default one (honouring the env var)."""
    monkeypatch.setenv("KEHOACH_DISABLE_PLUGINS", "core")
    assert Path(kehoach.default_template()).is_file()
    assert render_plan_bytes(_plan())[:2] == b"PK"
