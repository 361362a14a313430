# Tuple/list unpacking: nested targets, starred targets, swaps, and errors.

a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
[a, b] = (10, 20)
print(a, b)
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, [2, (3, 4)]
print(a, b, c, d)
x, = [42]
print(x)
(y,) = (43,)
print(y)
[z] = "z"
print(z)
a, b = range(2)
print(a, b)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
p, *q = [1]
print(p, q)
*r, = range(3)
print(r)
a, *b, c, d = 1, 2, 3
print(a, b, c, d)
(a, *b), *c = [1, 2, 3], 4, 5
print(a, b, c)
[*big] = range(5)
print(big, type(big).__name__)

# unpacking into subscripts and attributes
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
d = {}
d["a"], d["b"] = divmod(17, 5)
print(d)
i = 0
i, lst[i] = 2, "changed"
print(i, lst)

# rotation and fibonacci-style multi-assignment
x, y, z = 1, 2, 3
x, y, z = y, z, x
print(x, y, z)
f0, f1 = 0, 1
for _ in range(10):
    f0, f1 = f1, f0 + f1
print(f0, f1)

# for-loop targets
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
for idx, (ch, code) in enumerate(zip("ab", [97, 98])):
    print(idx, ch, code)
for first, *others in [(1, 2, 3), (4,), "xy"]:
    print(first, others)
for (a, b), c in [((1, 2), 3), ([4, 5], 6)]:
    print(a + b + c)

# chained assignment with unpacking
m = n = (5, 6)
o, p = q2 = [7, 8]
print(m, n, o, p, q2)

# star expressions in displays
print([*range(3), *"ab", 9], (*[1, 2],), [*(), *[]], {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
print(*"abc", *[], *(4, 5))

# errors
cases = [
    ("too many", lambda: unpack2([1, 2, 3])),
    ("too few", lambda: unpack2([1])),
    ("empty", lambda: unpack2([])),
    ("not iterable", lambda: unpack2(5)),
    ("none", lambda: unpack2(None)),
    ("star too few", lambda: unpack_star([1])),
    ("nested", lambda: unpack_nested([1, 2])),
    ("string", lambda: unpack2("abc")),
]
def unpack2(v):
    a, b = v
    return a, b
def unpack_star(v):
    a, *b, c = v
    return a, b, c
def unpack_nested(v):
    a, (b, c) = v
    return a, b, c
for label, fn in cases:
    try:
        print(label, fn())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
