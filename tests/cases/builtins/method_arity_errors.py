# Argument-count and keyword errors of built-in methods, worded as each CPython calling
# convention words them (direct method calls).
calls = [
    lambda: [].append(), lambda: [].append(1, 2), lambda: [].insert(1), lambda: [].pop(1, 2), lambda: [].index(),
    lambda: [].count(), lambda: [].remove(), lambda: [].sort(1), lambda: [].sort(foo=1), lambda: [].copy(1),
    lambda: [].pop(foo=1), lambda: ().count(), lambda: ().index(), lambda: ().index(1, 2, 3, 4),
    lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: {}.pop(), lambda: {}.setdefault(), lambda: {}.keys(1),
    lambda: {}.items(1), lambda: {}.values(1), lambda: {}.popitem(1), lambda: {}.copy(1), lambda: {}.clear(1),
    lambda: {}.get(foo=1), lambda: dict.fromkeys(), lambda: set().add(), lambda: set().discard(), lambda: set().remove(),
    lambda: set().pop(1), lambda: set().union(foo=1), lambda: set().issubset(), lambda: set().isdisjoint(),
    lambda: frozenset().isdisjoint(), lambda: (1).bit_length(1), lambda: (1.5).is_integer(1), lambda: (1.5).hex(1),
    lambda: "a".join(5), lambda: "a".join(foo=1), lambda: "a".join([1]), lambda: "a".find(), lambda: "a".find(foo=1),
    lambda: "a".count(1, 2, 3, 4), lambda: "a".zfill(), lambda: "a".lower(1), lambda: "a".upper(foo=1),
    lambda: "a".center(), lambda: "a".center(3, 1), lambda: "a".center(3, "ab"), lambda: "a".strip(1),
    lambda: "a".split(foo=1), lambda: "a".split(1, 2, 3), lambda: "a".partition(), lambda: "a".translate(),
    lambda: "a".encode(1), lambda: str.maketrans(), lambda: str.maketrans(1, "b"), lambda: str.maketrans("a", "bc"),
    lambda: sum(), lambda: int(x=1), lambda: format(), lambda: format(1, foo=1), lambda: enumerate(),
    lambda: enumerate(foo=1), lambda: sorted([], foo=1), lambda: zip(foo=1), lambda: eval("1", foo=1),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
print(dict.fromkeys("ab", 0), str.maketrans("ab", "cd"), "x".maketrans({"a": "b"}), float.fromhex("0x1p-2"))
