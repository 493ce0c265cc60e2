"""A newcomer runs the README's two commands; CI must run the same ones."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## The two commands.*?```sh\n(.*?)```", readme, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def makefile_targets():
    return set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.M))


def test_readme_names_make_run_and_make_test():
    assert readme_commands() == ["make run", "make test"]


def test_ci_runs_the_readme_test_command_on_sqlite_and_postgresql():
    ci = (ROOT / ".ci" / "run").read_text()
    runs = [line.strip() for line in ci.splitlines() if line.strip().endswith("make test")]
    on_postgresql = [line for line in runs if re.match(r"DATABASE_URL=\"?postgres(ql)?://", line)]
    on_sqlite = [line for line in runs if "DATABASE_URL" not in line]

    # The README's command as it stands, perhaps timed as a CI stage (`stage "name" make test`).
    assert on_sqlite and all(re.fullmatch(r'(stage "[^"]+" )?make test', line) for line in on_sqlite)
    assert on_postgresql
    assert "apt-get install -y" in ci and "chromium" in ci


def test_makefile_defines_every_target_the_readme_uses():
    assert {"run", "test", "help", "install"} <= makefile_targets()


def test_make_run_starts_the_worker_and_the_server_on_loopback():
    makefile = (ROOT / "Makefile").read_text()
    # `run: export ...` lines set target variables; the recipe follows the `run: <prerequisites>` rule.
    run_recipe = makefile.split("\nrun: demo")[1].split("\n\n")[0]

    assert "db_worker" in run_recipe
    assert "runserver 127.0.0.1:$(PORT)" in run_recipe
    assert "trap" in run_recipe
