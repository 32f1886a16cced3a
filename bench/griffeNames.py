"""Public names per module as griffe sees them, as JSON on stdout: the peer side of the Python
fidelity comparison (bench/python.mjs, test/python-fidelity.test.ts). Run with Debian's python3-griffe.

The rule applied to griffe's inventory is the one docs/code-reference.md states: `__all__` when the
module has one, else its own names not starting with `_`, plus, in a package's `__init__`, names it
imports from inside the package. Submodules are pages of their own, not names.
"""
import json
import sys

from griffe.loader import GriffeLoader


def public_names(module, top):
    if module.exports is not None:
        return sorted({str(name) for name in module.exports})
    names = set()
    for name, member in module.members.items():
        if name.startswith("_"):
            continue
        if member.is_alias:
            target = member.target_path
            inside = target == top or target.startswith(top + ".")
            if not (module.is_init_module and inside):
                continue
            try:
                if member.target.is_module:
                    continue
            except Exception:  # an alias griffe cannot resolve is still a name
                pass
        elif member.is_module:
            continue
        names.add(name)
    return sorted(names)


def walk(module, top, out):
    out[module.path] = public_names(module, top)
    for member in module.members.values():
        if not member.is_alias and member.is_module:
            walk(member, top, out)


def main():
    package, search = sys.argv[1], sys.argv[2]
    loader = GriffeLoader(search_paths=[search])
    module = loader.load_module(package)
    out = {}
    walk(module, package, out)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


main()
