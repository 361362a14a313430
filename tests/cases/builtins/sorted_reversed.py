# sorted (key, reverse, stability) and reversed on various sequences.

print(sorted([3, 1, 2]), sorted([]), sorted((5, -1, 0)), sorted("banana"))
print(sorted([2.5, -1, 10**20, 0, -0.5, True]))
print(sorted(["b", "A", "a", "B", "é", "Z", "10", "9"]))
print(sorted({"z": 1, "a": 2, "m": 3}))
print(sorted(range(10, 0, -2)))
print(sorted([3, 1, 2], reverse=True), sorted("hello", reverse=True))

# key functions
words = ["kiwi", "Banana", "apple", "fig", "Cherry", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted([-5, 3, -1, 4, -2], key=abs))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")], key=lambda p: p[1]))

# stability: equal keys keep their original order, also with reverse=True
records = [("ann", 3), ("bob", 1), ("cy", 3), ("dee", 2), ("ed", 1), ("flo", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: -r[1]))

# sorted returns a new list and leaves the input alone
original = [3, 2, 1]
result = sorted(original)
print(original, result, result is original)

# sorting mixed types fails
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([None, None, 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([[1], (1,)])
except TypeError as e:
    print(type(e).__name__, e)

# floats with inf
print(sorted([float("inf"), 1, float("-inf"), 0.0, -0.0]))

# reversed
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")))
print(list(reversed([])), list(reversed(range(5))), "".join(reversed("héllo")))
d = {"one": 1, "two": 2, "three": 3}
print(list(reversed(list(d))))
r = reversed([10, 20, 30])
print(next(r), next(r), list(r), list(r))
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)

# list.sort in place, also with key and reverse, returns None
nums = [5, 2, 9, 1, 5, 6]
print(nums.sort(), nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=lambda n: (n % 3, n))
print(nums)

# sorting nested lists lexicographically
print(sorted([[1, 2], [1], [0, 5], [], [1, 1, 1]]))
print(sorted(["a10", "a2", "a1", "b"], key=lambda s: (s[0], int(s[1:] or 0))))
