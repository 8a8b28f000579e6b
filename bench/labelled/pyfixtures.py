"""Reads parametrized test cases out of other projects' Python test files.

The files are parsed, never run: `pytest.mark.parametrize` lists are evaluated
with a small evaluator that knows string, number, bool and None constants,
tuples and lists, module-level names bound to such values, `+`, `*`,
`str.format` and implicit concatenation. Rows it cannot evaluate are skipped.
"""
import ast


class Unknown(Exception):
    pass


def _eval(node, names):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return type(node) is ast.Tuple and tuple(_eval(e, names) for e in node.elts) \
            or [_eval(e, names) for e in node.elts]
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        raise Unknown(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult, ast.Mod)):
        a, b = _eval(node.left, names), _eval(node.right, names)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Mult):
            return a * b
        return a % b
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, names)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ('format', 'join', 'upper', 'lower', 'strip', 'replace')):
        base = _eval(node.func.value, names)
        if not isinstance(base, str):
            raise Unknown('call')
        args = [_eval(a, names) for a in node.args]
        kw = {k.arg: _eval(k.value, names) for k in node.keywords}
        return getattr(base, node.func.attr)(*args, **kw)
    raise Unknown(type(node).__name__)


def module_names(tree):
    """Module- and class-level NAME = constant bindings that evaluate."""
    names = {}
    for body in [tree.body] + [n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
        for st in body:
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                try:
                    names[st.targets[0].id] = _eval(st.value, names)
                except Exception:
                    pass
    return names


def parametrize_rows(source):
    """Yields (line, row) for every row of every parametrize list in `source`;
    a row is the evaluated tuple (or single value)."""
    tree = ast.parse(source)
    names = module_names(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == 'parametrize' and len(node.args) >= 2):
            continue
        lst = node.args[1]
        elts = []
        if isinstance(lst, (ast.List, ast.Tuple)):
            elts = lst.elts
        elif isinstance(lst, ast.Name) and lst.id in names and isinstance(names[lst.id], (list, tuple)):
            for v in names[lst.id]:
                yield node.lineno, v
            continue
        for e in elts:
            try:
                yield e.lineno, _eval(e, names)
            except Exception:
                continue


def named_lists(source):
    """Module-level NAME = [ ... ] lists of tuples, with each element's line."""
    tree = ast.parse(source)
    names = module_names(tree)
    for st in tree.body:
        if (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)
                and isinstance(st.value, ast.List)):
            rows = []
            for e in st.value.elts:
                try:
                    rows.append((e.lineno, _eval(e, names)))
                except Exception:
                    pass
            yield st.targets[0].id, rows
