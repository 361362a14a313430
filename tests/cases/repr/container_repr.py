# repr of lists, tuples, dicts, ranges and nesting, including recursion.

print([], [1], [1, 2], [[]], [[], []], [[1, [2, [3, [4]]]]])
print((), (1,), (1, 2), ((),), ((1,),), (((),),), ([], ()))
print({}, {1: 2}, {"a": [1, {"b": (2,)}]}, {(1, 2): {3: 4}}, {None: None, True: False})
print(range(0), range(5), range(1, 5), range(1, 10, 2), range(10, 0, -3), range(-5, -1))
print([range(3)], (range(1, 2),), {0: range(0)})
print([1.5, -0.0, 1e16, float("inf")], (1j, -1j), [True, None, "s", 's"q', "q'"])
print(str([1, "a"]), repr([1, "a"]), str(("x",)), repr({"x": "y"}))
a = [1, 2]
a.append(a)
print(a)
d = {"self": None}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
b = [a, a]
print(b)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
shared = [0]
grid = [shared] * 3
grid[0][0] = 9
print(grid)
print({1: [], 2: {}, 3: ()})
print([{"k": [1, (2, {"z": None})]}])
nested = []
cur = nested
for i in range(6):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(nested)
print(list(range(-3, 3)), tuple("abc"), list("é日"), dict(a=1, b=2), dict([(1, 2), (3, 4)]))
print(list(zip([1, 2], "ab")), list(enumerate("xy")), list(reversed([1, 2, 3])), sorted({3: 1, 1: 2}))
print(len(str([1] * 100)), str(list(range(12))))
def f():
    pass
print(f.__name__, repr(f.__name__), type(f).__name__, type(len).__name__, type(range(1)).__name__)
print(type([]), type(()), type({}), type(1), type(1.0), type(1j), type(""), type(None), type(True))
