# tuples: count, index, packing/unpacking, immutability, comparison, concatenation, hashing.

t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(3), t.index(2), t.index(2, 2), t.index(1, 1))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.index(3, 0, 2)
except ValueError as e:
    print(type(e).__name__, e)
print((1, 1.0, True).count(1), ((1, 2), [1, 2]).count((1, 2)), ().count(None))

# construction forms
empty = ()
one = (5,)
also_one = 5,
not_tuple = (5)
print(empty, one, also_one, not_tuple, type(not_tuple).__name__, len(empty), len(one))
packed = 1, "a", None
print(packed, type(packed).__name__)
print(tuple("abc"), tuple([1, [2]]), tuple(range(3)), tuple({"k": 1}))

# unpacking
a, b, c = packed
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = (1, 2, 3, 4)
print(first, rest)

# immutability
try:
    t[0] = 100
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.append(4)
except AttributeError as e:
    print(type(e).__name__, e)

# but contained lists can change
holder = ([1], [2])
holder[0].append("x")
print(holder)

# operations
print((1, 2) + (3,), (0,) * 4, () * 5, 2 in (1, 2), (1, 2) * 0)
print(t[1:4], t[::-1], t[-1], t[::2], t[10:])
print(len(t), min(t), max(t), sum(t), sorted(t))
try:
    print(t[6])
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1, 2) + [3]
except TypeError as e:
    print(type(e).__name__, e)

# comparison is lexicographic
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, "a") == (1, "a"))
print((1, 2) == (1.0, 2.0), (0,) != (0.0,), max([(1, "b"), (1, "a"), (0, "z")]))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# tuples as dict keys
grid = {}
for i in range(3):
    for j in range(3):
        grid[(i, j)] = i * j
print(grid[(2, 2)], grid[1, 2], (0, 0) in grid, (5, 5) in grid)
key = (1, 2)
print(hash(key) == hash((1, 2)), key is not None)

# repr of nested tuples
print(((),), ((1,),), (1, (2, (3, (4,)))), ("a", 'b"c', "d'e"))
print(repr((1.5, -0.0, 10**20, 1j, None, True)))
print(str((1, "x")), repr(("x",)))
