# list/tuple/dict/str/bool/int/float constructors and conversions.

print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(tuple(), tuple("xy"), tuple([1, [2]]), tuple(range(0)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=0))
print(dict([(1, "one"), (1, "uno")]), dict(zip("abc", range(3))))
print(str(), str(12), str(-1.5), str([1, "a"]), str(None), str(True), str("s"))
print(bool(), bool(0), bool(1), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0), bool(-1e-300))

# int
print(int(), int(3.99), int(-3.99), int("42"), int("  -17  "), int("+8"), int("1_000"))
print(int("ff", 16), int("0xff", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("-101", 2))
print(int(True), int(1e20), int(-0.5), int("123456789012345678901234567890"))
print(int(2.5), int(-2.5), int(1.0e308) > 10**307)
for bad in ["", "abc", "1.5", "12a", " ", "0x10", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("9", 8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)

# float
print(float(), float(3), float("2.5"), float("  -1e3 "), float("1_000.5"), float(10**20))
print(float("inf"), float("-Infinity"), float("nan"), float("+1.5E-3"), float(".5"), float("5."))
print(float(True), float("-0"), float(2**53 + 1))
for bad in ["", "abc", "1.2.3", "1e", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float([])
except TypeError as e:
    print(type(e).__name__, e)

# repr versus str
for v in ["text", 1.0, 10**25, [1.5, "q"], (None,), {"a": "b"}]:
    print(str(v), repr(v))

# constructors copy
a = [1, 2, 3]
b = list(a)
b.append(4)
print(a, b, a == b[:3], a is b)
d = {"x": 1}
e = dict(d)
e["y"] = 2
print(d, e)
t = (1, 2)
print(tuple(t) is t, tuple(t) == t)

# errors from constructors
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    tuple(None)
except TypeError as e:
    print(type(e).__name__, e)
