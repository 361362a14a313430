# for loops over range, list, tuple, str, dict (keys, values, items) and unpacking targets.

for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print("range down", i)
for i in range(5, 5):
    print("never")

for x in [3.5, -1, "s", None, [1, 2]]:
    print("list item", repr(x))

for x in (1, (2, 3), ()):
    print("tuple item", x)

for ch in "héllo ✓":
    print("char", ch, ord(ch))

for ch in "":
    print("never")

d = {"one": 1, "two": 2, "three": 3, 4: "four", (5, 6): None}
for k in d:
    print("key", repr(k))
for k in d.keys():
    print("keys()", repr(k))
for v in d.values():
    print("value", repr(v))
for k, v in d.items():
    print("item", repr(k), "->", repr(v))

# dict preserves insertion order after updates and deletions
d["two"] = 22
del d["one"]
d["one"] = 111
print(list(d))

# unpacking in for targets
points = [(0, 0), (1, -2), (-3, 4)]
for x, y in points:
    print("point", x, y, x * x + y * y)

nested = [(1, (2, 3)), (4, (5, 6))]
for a, (b, c) in nested:
    print("nested", a, b, c, a + b + c)

for i, (name, score) in enumerate([("ann", 90), ("bob", 72)], start=1):
    print(i, name, score)

for a, b in zip("abc", range(100)):
    print(a, b)

# iterating a list of lists and summing
grid = [[1, 2, 3], [4, 5, 6], [], [7]]
for row in grid:
    s = 0
    for v in row:
        s += v
    print(row, "sum", s)

# iterating over a copy while mutating the original
items = [1, 2, 3, 4, 5, 6]
for it in items[:]:
    if it % 2 == 0:
        items.remove(it)
print("odd items", items)

# iterating with reversed and sorted
for w in reversed(["a", "b", "c"]):
    print("reversed", w)
for w in sorted({"pear": 1, "apple": 2, "fig": 3}):
    print("sorted key", w)

# range objects with big numbers
for big in range(10**20, 10**20 + 3):
    print("big", big)

# the string of digits of a big number
total = 0
for digit in str(2 ** 100):
    total += int(digit)
print("digit sum of 2**100:", total)
