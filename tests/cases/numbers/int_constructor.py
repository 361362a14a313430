# int() from numbers and strings, with bases, and its errors.

print(int(), int(0), int(7), int(-7), int(True), int(False))
print(int(3.99), int(-3.99), int(0.5), int(-0.5), int(-0.0), int(1e20), int(1.5e300) % 1000)
print(int(2.0 ** 63), int(-2.0 ** 63), int(1e16 + 1))
print(int("0"), int("42"), int("-42"), int("+42"), int("  17  "), int("\t\n9\n"))
print(int("1_000"), int("0_0"), int("007"), int("-0"), int("123456789012345678901234567890"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("-0x1F", 0))
print(int("777", 8), int("0o777", 0), int("0O17", 8), int("1010", 2), int("0b1010", 0), int("-0B11", 2))
print(int("z", 36), int("ZZ", 36), int("10", 36), int("11", 3), int("0", 0), int("12", 10))
print(int("1_0", 0), int("0x_ff", 16), int("0b_1_0", 0))
print(int("٣"), int("１２"), int("-٤٢"))

bad = [
    ("", 10), ("  ", 10), ("abc", 10), ("1.5", 10), ("1e5", 10), ("0x10", 10), ("08", 0),
    ("1__0", 10), ("_1", 10), ("1_", 10), ("12", 2), ("9", 8), ("g", 16), ("0b", 0), ("--1", 10),
    ("+-1", 10), ("1 2", 10), ("0o8", 0), ("x", 36), ("inf", 10),
]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)

for args in [("10", 1), ("10", 37), ("10", -1)]:
    try:
        print(int(*args))
    except ValueError as e:
        print(type(e).__name__, e)

for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

for v in [None, [1], (1,), 1j, {}]:
    try:
        print(int(v))
    except TypeError as e:
        print(type(e).__name__, e)

try:
    print(int(10, 2))
except TypeError as e:
    print(type(e).__name__, e)

print(int("  -1_234_567  "), int(" 0b1111 ", 0), int("-zz", 36))
print([int(c) for c in "0123456789"], sum(int(d) for d in str(2 ** 100)))
print(int(str(10 ** 50)) == 10 ** 50, int("-" + "9" * 40) + 10 ** 40)
