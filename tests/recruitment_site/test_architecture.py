"""The layers, read from the code's own imports (docs/architecture.md):

    recruitment_site.core  <-  home  <-  positive_action  <-  ambassadors_network  <-  data_protection

and recruitment_site.devtools above them all. A module may import its own layer and the layers to its left,
never one to its right; and an import of the project's own code sits at the top of the module, where a
circle would show at once, not inside a function where it is hidden until the function runs.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Each layer by the folder it lives in and the name it is imported as, lowest first.
LAYERS = [
    ("site/core", "recruitment_site.core"),
    ("home", "home"),
    ("positive_action", "positive_action"),
    ("ambassadors_network", "ambassadors_network"),
    ("positive_action/data_protection", "positive_action.data_protection"),
    ("site/devtools", "recruitment_site.devtools"),
]
APPS_WITH_LAYERS = [name for _, name in LAYERS]
# A function-level import is right where the import must wait: an AppConfig.ready() connecting signals
# once the app registry is ready.
DEFERRED_IMPORTS_ALLOWED = {"ambassadors_network/apps.py"}


def layer_of_path(path):
    relative = path.relative_to(ROOT).as_posix()
    found = None
    for index, (folder, _) in enumerate(LAYERS):
        if relative.startswith(folder + "/"):
            found = index  # later (deeper) folders win: data_protection sits inside positive_action
    return found


def layer_of_module(module):
    found = None
    for index, (_, name) in enumerate(LAYERS):
        if module == name or module.startswith(name + "."):
            found = index
    return found


def product_modules():
    for folder, _ in LAYERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_modules(tree, path):
    """(module, line, inside_a_function) for each import, relative imports resolved against the package."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    package_name = (
        ".".join(package).replace("site", "recruitment_site", 1)
        if package[:1] == ("site",)
        else ".".join(package)
    )
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    nested = {id(child) for function in functions for child in ast.walk(function) if child is not function}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_name.split(".")[: len(package_name.split(".")) - node.level + 1]
                names = [".".join(base + ([node.module] if node.module else []))]
            else:
                names = [node.module]
        else:
            continue
        for name in names:
            yield name, node.lineno, id(node) in nested


def all_imports():
    for path in product_modules():
        tree = ast.parse(path.read_text(), filename=str(path))
        for module, line, deferred in imported_modules(tree, path):
            yield path, module, line, deferred


def test_no_module_imports_a_layer_above_its_own():
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path, module, line, _ in all_imports()
        if (layer_of_module(module) or 0) > (layer_of_path(path) or 0)
    ]
    assert upward == []


def test_the_projects_own_imports_sit_at_the_top_of_the_module():
    deferred = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path, module, line, inside_function in all_imports()
        if inside_function
        and layer_of_module(module) is not None
        and path.relative_to(ROOT).as_posix() not in DEFERRED_IMPORTS_ALLOWED
    ]
    assert deferred == []


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "site":
        parts[0] = "recruitment_site"
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph():
    """{module: the project modules it imports when it loads}, an import of a name from a package counted
    as an import of the submodule when there is one by that name (as import-linter and grimp count it)."""
    paths = list(product_modules())
    modules = {module_name(path) for path in paths}
    graph = {}
    for path in paths:
        tree = ast.parse(path.read_text(), filename=str(path))
        targets = set()
        for module, _line, inside_function in imported_modules(tree, path):
            if inside_function or module not in modules and layer_of_module(module) is None:
                continue
            targets.add(module)
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[module_name(path)] = {target for target in targets if target in modules}
    return graph


def circles(graph):
    """Each set of modules that import one another round a loop (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_modules_import_one_another_round_a_circle():
    assert circles(import_graph()) == []


@pytest.mark.parametrize("settings_module", ["base", "production"])
def test_production_never_installs_the_development_tools(settings_module):
    source = (ROOT / "site" / "settings" / f"{settings_module}.py").read_text()
    assert "devtools" not in source
