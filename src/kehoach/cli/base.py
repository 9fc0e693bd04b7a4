"""Shared pieces of the command line: language, printing, argparse in Vietnamese."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from kehoach.errors import UsageError


@dataclass(frozen=True)
class Translator:
    """Picks the Vietnamese or the English text of a message."""

    lang: str = "vi"

    def __call__(self, vi: str, en: str) -> str:
        return en if self.lang == "en" else vi


@dataclass
class CliContext:
    """What every command handler gets besides its arguments."""

    t: Translator
    disabled_plugins: tuple[str, ...] = ()
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)

    @property
    def lang(self) -> str:
        """ "vi" or "en"."""
        return self.t.lang

    def say(self, vi: str, en: str) -> None:
        """Print a normal message on standard output."""
        print(self.t(vi, en), file=self.out)

    def warn(self, message: str) -> None:
        """Print a warning line on standard error."""
        print(f"{self.t('Cảnh báo', 'warning')}: {message}", file=self.err)

    def error(self, message: str) -> None:
        """Print an error line on standard error."""
        print(f"{self.t('Lỗi', 'error')}: {message}", file=self.err)

    def errors(self, messages: Sequence[str]) -> None:
        """Print error lines, the first :data:`MAX_PRINTED` of them and how many more."""
        for message in messages[:MAX_PRINTED]:
            self.error(message)
        more = len(messages) - MAX_PRINTED
        if more > 0:
            count = f"{more:,}"
            self.error(
                self.t(f"… và {count.replace(',', '.')} lỗi khác", f"… and {count} more errors")
            )


# A person reads the first problems and fixes them; a million lines help nobody
# (a filled workbook with every row wrong printed 224 MB). docs/limits.md.
MAX_PRINTED = 50


# argparse words its errors in English through gettext; these are the ones users meet.
_ARGPARSE_VI = (
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"tham số \1: giá trị \2 không hợp lệ (chọn một trong: \3)",
    ),
    (r"argument (\S+): expected one argument", r"tham số \1: cần một giá trị"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"tham số \1: giá trị \3 không hợp lệ"),
    (r"argument (\S+): not allowed with argument (.*)", r"tham số \1 không dùng cùng \2"),
    (r"one of the arguments (.*) is required", r"cần một trong các tham số \1"),
)


def _formatter(t: Translator) -> type[argparse.HelpFormatter]:
    """argparse's help formatter, its "usage:" prefix in the user's language."""

    class Formatter(argparse.HelpFormatter):
        def add_usage(
            self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
        ) -> None:
            super().add_usage(
                usage, actions, groups, t("cách dùng: ", "usage: ") if prefix is None else prefix
            )

    return Formatter


class KehoachArgumentParser(argparse.ArgumentParser):
    """argparse with Vietnamese usage errors (exit code 2, no traceback)."""

    def __init__(self, *args: object, translator: Translator | None = None, **kwargs: object):
        self.translator = t = translator or Translator()
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _formatter(t))
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # argparse's own headings are English; these are the ones a user reads.
        self._positionals.title = t("tham số", "positional arguments")
        self._optionals.title = t("tuỳ chọn", "options")
        self.add_argument(
            "-h", "--help", action="help", help=t("xem hướng dẫn này", "show this help")
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in the user's language, then exit 2."""
        if self.translator.lang == "vi":
            for pattern, replacement in _ARGPARSE_VI:
                if re.fullmatch(pattern, message):
                    message = re.sub(pattern, replacement, message)
                    break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {self.translator('lỗi', 'error')}: {message}\n")


def add_subparser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    t: Translator,
    help_vi: str,
    help_en: str,
) -> KehoachArgumentParser:
    """A sub-command parser that speaks the user's language."""
    parser: KehoachArgumentParser = commands.add_parser(
        name,
        help=t(help_vi, help_en),
        description=t(help_vi, help_en),
        translator=t,
    )
    # People write "kehoach check --lang en …" as often as "kehoach --lang en check …";
    # SUPPRESS keeps the global value when the option is not repeated here.
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help=t("ngôn ngữ thông báo (mặc định: vi)", "message language (default: vi)"),
    )
    return parser


def add_plan_argument(parser: argparse.ArgumentParser, t: Translator) -> None:
    """The positional PLAN argument most commands take."""
    parser.add_argument("plan", metavar="PLAN", help=t("tệp kế hoạch .yaml/.json", "plan file"))


def add_output_options(
    parser: argparse.ArgumentParser, t: Translator, metavar: str, many: tuple[str, str]
) -> None:
    """``-o FILE`` for one input or ``--out-dir DIR`` for ``many`` (vi, en); one is required."""
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar=metavar, help=t("tệp kết quả", "output file"))
    target.add_argument(
        "--out-dir",
        metavar="DIR",
        help=t(f"thư mục kết quả (nhiều {many[0]})", f"output folder (many {many[1]})"),
    )


def add_force_option(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--force``: existing files are never overwritten without it."""
    parser.add_argument(
        "--force", action="store_true", help=t("ghi đè tệp đã có", "overwrite existing files")
    )


def refuse_inputs_as_outputs(inputs: Sequence[str | None], outputs: Sequence[Path]) -> None:
    """An output that is one of the inputs is refused, ``--force`` or not.

    ``render p.yaml -o p.yaml --force`` would replace the plan with its document.
    Links and different spellings of one path count as the same file.
    """
    # Each file is looked at once (as os.path.samefile compares them): a batch of 1,000
    # plans is two thousand looks, not two million.
    files: dict[tuple[int, int], str] = {}
    for given in inputs:
        key = None if given is None else _file_key(Path(given))
        if key is not None:
            files.setdefault(key, str(given))
    for output in outputs:
        given = files.get(_file_key(output) or (-1, -1))
        if given is not None:
            raise UsageError(
                f"tệp kết quả {output} chính là tệp đầu vào {given}; chọn tên khác "
                "(kể cả với --force, kehoach không ghi đè tệp đầu vào)",
                f"the output {output} is the input {given}; choose another name "
                "(kehoach never overwrites an input, even with --force)",
            )


def _file_key(path: Path) -> tuple[int, int] | None:
    """The device and inode of a file; ``None`` when it does not exist (yet)."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.st_dev, stat.st_ino


def add_jobs_option(parser: argparse.ArgumentParser, t: Translator) -> None:
    """``--jobs N``: work on the files of a batch in N processes (same output, same order)."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help=t(
            "số tiến trình xử lý song song (mặc định 1; kết quả và thứ tự như khi chạy một)",
            "number of processes working in parallel (default 1; same results and order)",
        ),
    )


def _positive_int(text: str) -> int:
    value = int(text)  # argparse words a ValueError as "invalid value"
    if value < 1:
        raise ValueError(text)
    return value
