#!/usr/bin/env python3
"""Functions over a length limit in the product code, and the size of that code.

Usage: scripts/fn-lengths.py [--limit N] [DIR...]
Default: limit 80, the product sources crates/kubewright/src and src (the page).

A function's length is its lines from the `fn` line to its closing brace. Test code is left out:
`#[cfg(test)]` modules and `#[test]` functions. Data tables (consts, statics) are not functions, so
they never count. Strings, chars and comments are skipped when matching braces.
"""

import os
import re
import sys

DEFAULT_DIRS = ["crates/kubewright/src", "src"]


def blank_out(src):
    """The source with comments and string/char literal contents replaced by spaces (newlines kept),
    so braces inside them do not count and line numbers stay the same."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif re.match(r'b?r#*"', src[i:i + 260]) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'(b?r)(#*)"', src[i:])
            close = '"' + m.group(2)
            j = src.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == "'":
            # A char literal ('a', '\n', '\u{1F600}', '{') or a lifetime ('a): only literals are blanked.
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", src[i:])
            if m:
                out.append(" " * m.end())
                i += m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


FN = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")
TEST_ATTR = re.compile(r"#\[\s*(cfg\s*\(\s*test\s*\)|test)\s*\]")


def matching_brace(code, open_at):
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


def test_spans(code):
    """Character spans of items under #[cfg(test)] or #[test]."""
    spans = []
    for m in TEST_ATTR.finditer(code):
        j = m.end()
        # The item's body: the first `{` before any `;` (a `mod tests;` declaration has none).
        brace, semi = code.find("{", j), code.find(";", j)
        if brace < 0 or (0 <= semi < brace):
            continue
        spans.append((m.start(), matching_brace(code, brace)))
    return spans


def functions(path):
    src = open(path, encoding="utf-8").read()
    code = blank_out(src)
    skip = test_spans(code)
    line_of = lambda pos: code.count("\n", 0, pos) + 1
    found = []
    for m in FN.finditer(code):
        if any(a <= m.start() <= b for a, b in skip):
            continue
        # The body starts at the first `{` at bracket depth 0 after the signature; a `;` first means a
        # declaration without a body (a trait method), which has no length.
        depth, j = 0, m.end()
        while j < len(code):
            ch = code[j]
            if ch in "([<":
                depth += 1
            elif ch in ")]>" and depth > 0 and not (ch == ">" and code[j - 1] == "-"):
                depth -= 1
            elif ch == ";" and depth == 0:
                j = -1
                break
            elif ch == "{" and depth == 0:
                break
            j += 1
        if j < 0 or j >= len(code):
            continue
        end = matching_brace(code, j)
        found.append((m.group(1), line_of(m.start()), line_of(end) - line_of(m.start()) + 1))
    return found, src.count("\n")


def main(argv):
    limit = 80
    if len(argv) >= 2 and argv[0] == "--limit":
        limit, argv = int(argv[1]), argv[2:]
    dirs = argv or DEFAULT_DIRS
    files, total, long = 0, 0, []
    for d in dirs:
        for root, _, names in sorted(os.walk(d)):
            for name in sorted(names):
                if not name.endswith(".rs"):
                    continue
                path = os.path.join(root, name)
                fns, lines = functions(path)
                files += 1
                total += lines
                long += [(length, fn, path, start) for fn, start, length in fns if length > limit]
    long.sort(key=lambda x: (-x[0], x[2], x[3]))
    print(f"functions over {limit} lines: {len(long)}")
    for length, fn, path, start in long:
        print(f"{length:5}  {fn}  {path}:{start}")
    print(f"files: {files}, lines: {total}")


if __name__ == "__main__":
    main(sys.argv[1:])
