# in / not in over list, tuple, str, dict, range, and nested containers.

lst = [1, 2.5, "three", (4,), [5], None, True]
for x in [1, 2.5, "three", (4,), [5], None, True, 1.0, 3, "thr", 4, [5.0], False, 0]:
    print(repr(x), x in lst, x not in lst)

tup = (0, -1, 10 ** 20, 1j)
print(0 in tup, False in tup, -1.0 in tup, 10 ** 20 in tup, 1e20 in tup, 1j in tup, 2 in tup, 0j in tup)

s = "hello, world"
print("h" in s, "hello" in s, "" in s, "" in "", "world!" in s, "lo, w" in s, "H" in s, "o w" not in s)
print("é" in "café", "日本" in "日本語", "🐍" in "a🐍b", "ab" in "a b")
try:
    print(1 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(["a"] in "abc")
except TypeError as e:
    print(type(e).__name__, e)

d = {"a": 1, 2: "b", (1, 2): [3], 1.5: None}
print("a" in d, 1 in d, "b" in d, 2 in d, 2.0 in d, (1, 2) in d, [3] in d.values(), 1.5 in d, None in d)
print("a" in d.keys(), 1 in d.values(), ("a", 1) in d.items(), ("a", 2) in d.items())
try:
    print([1] in d)
except TypeError as e:
    print(type(e).__name__, e)

r = range(0, 20, 3)
print([x for x in range(-2, 22) if x in r])
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, 3.5 in r, True in range(2), "a" in r)
print(5 in range(10, 0, -1), 0 in range(10, 0, -1), 10 ** 20 in range(10 ** 21), -1 in range(0))
print(10 ** 30 in range(0, 10 ** 40, 10 ** 10), 10 ** 30 + 1 in range(0, 10 ** 40, 10 ** 10))

nested = [[1, 2], [3, [4, 5]], (6, 7)]
print([1, 2] in nested, 3 in nested, [4, 5] in nested, [4, 5] in nested[1], (6, 7) in nested, [6, 7] in nested)

# membership uses identity first, then equality
nan = float("nan")
print(nan in [nan], float("nan") in [nan], nan in (nan,), nan in {nan: 1})

# not in vs not (x in y)
print(not 1 in [1], not (1 in [1]), (not 1) in [1], 1 not in [2], not 1 not in [1])

# in with empty containers
print(1 in [], 1 in (), "a" in {}, 0 in range(0), "" in "abc", () in [()], [] in [[]])

# membership in loops and counting
vowels = "aeiou"
word = "onomatopoeia"
print(sum(1 for ch in word if ch in vowels), [ch for ch in word if ch not in vowels])
seen = []
for ch in "mississippi":
    if ch not in seen:
        seen.append(ch)
print(seen)
