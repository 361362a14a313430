# round(), divmod() and pow() including the 3-argument form.

# round to integer: banker's rounding
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675]])
print(round(7), round(-7), round(True), type(round(2.5)).__name__, type(round(7)).__name__)
print(round(1e20), round(-1e16 - 1), round(123456789.5))
# round with ndigits
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-0.125, 2))
print(round(3.14159, 0), round(3.14159, 1), round(3.14159, 3), round(3.14159, 10))
print(round(1234.5678, -1), round(1234.5678, -2), round(1234.5678, -4), round(5678.9, -4))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1), round(1234, 2), round(15, -1))
print(round(10 ** 20 + 5, -1), round(-(10 ** 20) - 50, -2), round(2 ** 70, -20))
print(round(0.0, 2), round(-0.0, 2), round(-0.001, 2), round(1e300, 2), round(1e-300, 2))
print(type(round(2.5, 0)).__name__, type(round(25, -1)).__name__, round(2.5, None))
inf = float("inf")
nan = float("nan")
print(round(inf, 2), round(nan, 2), round(-inf, 0))
for v in [inf, -inf, nan]:
    try:
        print(round(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)

# divmod
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 7), (10 ** 20, 7), (-(10 ** 20), 7),
             (17.5, 5), (-17.5, 5), (5, 0.75), (1e20, 3), (True, 2)]:
    q, r = divmod(a, b)
    print(a, b, q, r, type(q).__name__)
for a, b in [(1, 0), (1.5, 0), (0, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)

# pow with two and three arguments
print(pow(3, 4), pow(3, -1), pow(3.0, 2), pow(-2, 3), pow(2, 0.5), pow(0, 0), pow(1j, 2))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 0, 1), pow(5, 0, 7))
print(pow(7, 10 ** 20, 13), pow(12345678901234567890, 98765, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(2, -2, 11), pow(-5, -1, 13), pow(10, -3, 17))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (0, -1, 7)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(args, type(e).__name__, e)
try:
    print(pow(0, -1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(pow(base=2, exp=10), pow(2, exp=5, mod=7))

# abs
print(abs(-5), abs(5), abs(0), abs(-0.0), abs(-2.5), abs(-(10 ** 30)), abs(True), abs(False))
print(abs(3 + 4j), abs(-3 - 4j), abs(1j), abs(0j), abs(complex(-0.0, 0)), abs(1e200 + 1e200j))
print(abs(float("-inf")), abs(float("nan")), abs(complex(float("inf"), float("nan"))))
print(abs(-9223372036854775808), type(abs(-1.0)).__name__, type(abs(1j)).__name__)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
