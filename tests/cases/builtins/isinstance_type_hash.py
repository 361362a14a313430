# isinstance (single types and tuples of types), type(x) and its repr, hash.

values = [0, True, 1.5, 2j, "s", [1], (1,), {"a": 1}, None, range(3), len, lambda: 0]
for v in values:
    print(type(v), type(v).__name__)

print(type(type(1)), type(int), type(None) is type(None))
print(type(1) == int, type(True) == int, type(True) is bool, type(1.0) is float)
print(int, float, str, list, tuple, dict, bool, complex, range, type)

print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance(1.0, float), isinstance(1, float), isinstance(2j, complex))
print(isinstance("x", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(None, type(None)), isinstance(range(1), range), isinstance(int, type))
print(isinstance(1, (str, int)), isinstance(1.5, (int, str)), isinstance("a", (list, (dict, str))))
print(isinstance(1, ()), isinstance(10**40, int), isinstance(-0.0, (float,)))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(1, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)

print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, Exception))

# type as a converter
for t in (int, float, str, bool, list, tuple):
    print(t.__name__, repr(t()))
print(type(3)("17") + 1, type("")(42), type([])("ab"))

# hash
print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(False))
print(hash(2**61 - 1), hash(2**61), hash(2**100), hash(-2**100))
print(hash(1.0), hash(1.5), hash(-0.5), hash(0.0), hash(-0.0), hash(1e300))
print(hash(float("inf")), hash(float("-inf")))
print(hash(1) == hash(1.0) == hash(True), hash(2.5) == hash(5 / 2))
print(hash(1j), hash(2 + 3j), hash(complex(1.5, 0)) == hash(1.5))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((None,)) == hash((None,)))
print(hash("abc") == hash("ab" + "c"), hash(None) == hash(None))
for unhashable in ([1], {"a": 1}, (1, [2])):
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)

# dict keys rely on hash and equality: 1, 1.0 and True are the same key
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
try:
    d[[1]] = 0
except TypeError as e:
    print(type(e).__name__, e)
