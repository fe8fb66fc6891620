#!/usr/bin/env python3
"""Where a wasm module's bytes go, by crate (scripts/bench.sh prints it for the start-up module and
the page).

    scripts/wasm-weights.py FILE.wasm [TOP]

FILE must keep its function names: wasm-bindgen --keep-debug (which also demangles them), then
wasm-opt -Oz -g, gives the shipped code with its names. Each function body counts for the first
crate its name mentions that is not the standard library's, so a generic instantiated for one of our
types (`drop_in_place<kubewright::...>`) counts for ours; `core`/`alloc` are what names no other
crate. "gz share" is the crate's share of the raw code times the whole code section's gzip size.
"""
import re
import sys
import zlib

STD = {'core', 'alloc', 'std', 'compiler_builtins', '__rustc', 'dlmalloc', 'hashbrown', 'impl', 'dyn',
       'str', 'u8', 'usize', 'Self', '_'}
IDENT = re.compile(r'(?<![A-Za-z0-9_:])([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::')


def leb(b, i):
    """An unsigned LEB128 at i: (value, next index)."""
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def skip_limits(b, i):
    flags, i = leb(b, i)
    _, i = leb(b, i)
    if flags & 1:
        _, i = leb(b, i)
    return i


def sections(b):
    """(id, start, end) of every section."""
    i = 8
    while i < len(b):
        sid = b[i]
        size, start = leb(b, i + 1)
        yield sid, start, start + size
        i = start + size


def function_imports(b, i):
    count, i = leb(b, i)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(b, i)
            i += n
        kind = b[i]
        i += 1
        if kind == 0:  # function: its type index
            _, i = leb(b, i)
            functions += 1
        elif kind == 1:  # table: element type, limits
            i = skip_limits(b, i + 1)
        elif kind == 2:  # memory: limits
            i = skip_limits(b, i)
        elif kind == 3:  # global: value type, mutability
            i += 2
        else:  # tag: attribute, type index
            _, i = leb(b, i + 1)
    return functions


def function_names(b, start, end):
    n, i = leb(b, start)
    if b[i:i + n] != b'name':
        return {}
    i += n
    names = {}
    while i < end:
        sub = b[i]
        size, i = leb(b, i + 1)
        if sub == 1:
            count, j = leb(b, i)
            for _ in range(count):
                index, j = leb(b, j)
                n, j = leb(b, j)
                names[index] = b[j:j + n].decode('utf8', 'replace')
                j += n
        i += size
    return names


def crate_of(name):
    for ident in IDENT.findall(re.sub(r'::h[0-9a-f]{16}$', '', name)):
        if ident not in STD and not (len(ident) == 1 and ident.isupper()):
            return ident
    return 'core/alloc'


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    b = open(path, 'rb').read()
    imports, names, bodies, data = 0, {}, [], []
    for sid, start, end in sections(b):
        if sid == 2:
            imports = function_imports(b, start)
        elif sid == 0:
            names.update(function_names(b, start, end))
        elif sid == 10:
            count, i = leb(b, start)
            for _ in range(count):
                size, i = leb(b, i)
                bodies.append((i, size))
                i += size
        elif sid == 11:
            data.append(b[start:end])
    if not names:
        sys.exit(f'{path}: no function names (build with wasm-bindgen --keep-debug, wasm-opt -g)')
    code = sum(size for _, size in bodies)
    code_gz = len(zlib.compress(b''.join(b[i:i + s] for i, s in bodies), 9))
    data_gz = len(zlib.compress(b''.join(data), 9))
    by_crate = {}
    for n, (_, size) in enumerate(bodies):
        crate = crate_of(names.get(imports + n, '?'))
        by_crate[crate] = by_crate.get(crate, 0) + size
    print(f'code {code / 1024:.1f} KB raw, {code_gz / 1024:.1f} KB gz; data {sum(map(len, data)) / 1024:.1f} KB raw, '
          f'{data_gz / 1024:.1f} KB gz; {len(bodies)} functions')
    print(f'{"crate":28} {"raw code":>10} {"share":>6} {"gz share":>9}')
    for crate, size in sorted(by_crate.items(), key=lambda kv: -kv[1])[:top]:
        print(f'{crate:28} {size / 1024:8.1f} KB {100 * size / code:5.1f}% {size / code * code_gz / 1024:6.1f} KB')


if __name__ == '__main__':
    main()
