"""Every command and option figs has is in the README."""
from pathlib import Path

import click
import pytest

from figs.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _options():
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    yield name, opt


@pytest.mark.parametrize("command", sorted(main.commands))
def test_command_in_readme(command):
    assert f"figs {command}" in README


@pytest.mark.parametrize("command, option", sorted(set(_options())))
def test_option_in_readme(command, option):
    assert f"`{option}" in README or f" {option}" in README


def test_two_setup_commands_at_the_top():
    block = README.split("```")[1]
    commands = [line for line in block.splitlines()[1:] if line.strip()]
    assert len(commands) == 2
    assert "figs extract examples/" in commands[0]
    assert "pytest" in commands[1]
