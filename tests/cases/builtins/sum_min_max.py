# sum (with start, floats), min/max (key, default, multiple args, errors).

print(sum([]), sum([1, 2, 3]), sum((4, 5)), sum(range(1001)))
print(sum([1, 2, 3], 10), sum([], 5), sum([0.5, 0.25], start=1))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
print(sum([1, 2.5, 3j]), sum([10**20, 10**20, -1]))
print(sum([True, True, False, True]))
print(sum([[1], [2, 3], []], []))
print(sum([(1,), (2,)], ()))
print(sum([float("inf"), 1]), sum([float("inf"), float("-inf")]))
print(sum(x * x for x in range(10)))
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "x"])
except TypeError as e:
    print(type(e).__name__, e)

print(min(3, 1, 2), max(3, 1, 2))
print(min([4, -7, 0]), max([4, -7, 0]))
print(min("hello"), max("hello"))
print(min(["pear", "apple", "fig"]), max(["pear", "apple", "fig"]))
print(min(2.5, 2), max(2, 2.0), min(2.0, 2), max(-0.0, 0.0))
print(min([10**30, -10**30, 0]), max([10**30, -10**30, 0]))
print(min([(1, "b"), (1, "a"), (0, "z")]), max([(1, "b"), (1, "a"), (0, "z")]))

# key
words = ["banana", "Apple", "kiwi", "cherry", "fig"]
print(min(words, key=len), max(words, key=len))
print(min(words, key=str.lower), max(words, key=str.lower))
print(min(-5, 3, -1, key=abs), max(-5, 3, -1, key=abs))
print(max([3, -8, 5], key=lambda x: x * x))

# ties: the first one wins
print(max(["aa", "bb", "cc"], key=len), min(["aa", "bb", "cc"], key=len))
print(max([1, 1.0, True]), min([1, 1.0, True]))

# default
print(min([], default="empty"), max([], default=None), max([7], default=0))
print(min((), key=abs, default=-1))

# errors
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(())
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    min(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    max()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    min([1, None])
except TypeError as e:
    print(type(e).__name__, e)

# nan behaviour depends on position
nan = float("nan")
print(max([nan, 1, 2]), max([1, nan, 2]), min([1, 2, nan]))

# min/max of dict keys, and over dict items
scores = {"ann": 90, "bob": 72, "cy": 95}
print(min(scores), max(scores))
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]))
