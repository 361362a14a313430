# hash() of numbers is deterministic and consistent across int, float, complex and bool.

print(hash(0), hash(1), hash(-1), hash(-2), hash(42), hash(-42))
print(hash(True), hash(False), hash(0.0), hash(-0.0), hash(1.0), hash(0j))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 + 5), hash(-(2 ** 61)), hash(2 ** 100))
print(hash(10 ** 30), hash(-(10 ** 30)), hash(2 ** 64), hash(2 ** 63 - 1), hash(-(2 ** 63)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(0.1), hash(3.14), hash(1e100), hash(1e-100))
print(hash(float("inf")), hash(float("-inf")), hash(2.0 ** 70) == hash(2 ** 70))
print(hash(1j), hash(2 + 3j), hash(-1 - 1j), hash(complex(0.5, 0.5)), hash(complex(float("inf"), 0)))
print(hash(123456789.0) == hash(123456789), hash(1e20) == hash(10 ** 20), hash(1e23) == hash(10 ** 23))
print(hash((1, 2)), hash((1.0, 2.0)) == hash((1, 2)), hash(()), hash((0,)), hash((-1,)))
print(hash(((1, 2), (3, 4))), hash((1, (2, (3,)))), hash((True, None)) == hash((1, None)))
print(hash(None) == hash(None))
for v in [[1], {1: 2}, ([1],)]:
    try:
        print(hash(v))
    except TypeError as e:
        print(type(e).__name__, e)

# equal numbers hash equal, so they collide as dict keys
d = {}
for k in [1, 1.0, True, 1 + 0j, 2, 2.0, 0, -0.0, False, 0j]:
    d[k] = repr(k)
print(d)
print(len({0, 0.0, -0.0, False, 0j}), len({1, 2, 3, 1.0, 2.0, 3.0}))
print({2 ** 61 - 1: "a", 0: "b"}, sorted({10 ** 20, 1e20, 5, 5.0}))
