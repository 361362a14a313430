# enumerate (with start) and zip (unequal lengths, many iterables).

print(list(enumerate("abc")))
print(list(enumerate("abc", 1)))
print(list(enumerate("abc", start=-2)))
print(list(enumerate([], 5)))
print(list(enumerate(range(10**20, 10**20 + 2), 10**20)))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)

e = enumerate(["x", "y"])
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("StopIteration from exhausted enumerate")

print(dict(enumerate(["zero", "one", "two"])))

print(list(zip()))
print(list(zip([1, 2, 3])))
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3, 4, 5], "ab")))
print(list(zip("abcd", range(3), [True, False, None, 0])))
print(list(zip([], [1, 2])))
print(dict(zip(["a", "b", "c"], [1, 2, 3])))

# unzip with zip(*...)
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))

# transpose of a matrix
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(col) for col in zip(*matrix)])

# zip with a shared iterator groups elements
it = iter(range(9))
print(list(zip(it, it, it)))

# pairwise differences
values = [1, 4, 9, 16, 25]
print([b - a for a, b in zip(values, values[1:])])

# dot product
print(sum(a * b for a, b in zip([1, 2, 3], [4, -5, 6])))

# enumerate and zip together
for i, (x, y) in enumerate(zip("xyz", [10, 20, 30]), start=1):
    print(i, x, y)

# zip strict
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], "ab", strict=True)))

try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], 2)
except TypeError as e:
    print(type(e).__name__, e)
