# float() from numbers and strings, special values, and errors.

print(float(), float(0), float(-0), float(7), float(True), float(-2 ** 53 - 1), float(10 ** 20))
print(float(1.5), float("1.5"), float("  -2.25  "), float("+3"), float("1e3"), float("1E-3"))
print(float(".5"), float("5."), float("-.5e1"), float("1_000.000_1"), float("0001.5"))
print(float("inf"), float("-inf"), float("+inf"), float("Infinity"), float("-INFINITY"), float("iNf"))
print(float("nan"), float("-nan"), float("NaN"), float("+NAN"))
print(float("1e308"), float("1e309"), float("-1e309"), float("1e-320"), float("1e-400"), float("-1e-400"))
print(float("0.1"), float("0.30000000000000004"), float("123456789012345678901234567890"))
print(float("\n 42 \t"), float("1" * 30), float("٣.٥"))
print(float("0x10") if False else "hex strings are not accepted by float()")

bad = ["", " ", "abc", "1.5.5", "1e", "e5", "1_", "_1", "1__0", "0x10", "1,5", "--1", "in f", "nanx",
       "1e5.5", "infinity1", "1 2", ".", "+", "1j"]
for s in bad:
    try:
        print(float(s))
    except ValueError as e:
        print(type(e).__name__, e)

for v in [None, [1.0], "1.0".encode() if False else (), 1j]:
    try:
        print(float(v))
    except TypeError as e:
        print(type(e).__name__, e)

try:
    print(float(10 ** 309))
except OverflowError as e:
    print(type(e).__name__, e)

x = float("nan")
print(x == x, x != x, str(x), repr(float("-inf")))
print(float(2 ** 1023), float(2 ** 1024 - 2 ** 971))
try:
    print(float(2 ** 1024 - 2 ** 970))
except OverflowError as e:
    print(type(e).__name__, e)
print((1.5).is_integer(), (2.0).is_integer(), (1e300).is_integer(), float("inf").is_integer())
print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.5).hex(), (0.1).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
