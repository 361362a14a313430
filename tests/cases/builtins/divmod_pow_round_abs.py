# divmod, pow (2- and 3-arg), round (banker's rounding, ndigits, negative ndigits), abs.

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (10**30 + 1, 10**15), (-1, 10**20)]:
    print("divmod", a, b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7, -2.5), (1e300, 1e-300), (5, float("inf")), (-5, float("inf"))]:
    print("divmod", a, b, divmod(a, b))
for a, b in [(1, 0), (1.5, 0), (0, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod(1j, 1)
except TypeError as e:
    print(type(e).__name__, e)

print("pow", pow(2, 10), pow(2, -1), pow(-2, 3), pow(2, 0.5), pow(0, 0), pow(2.0, 3))
print("pow", pow(3, 200), pow(10, -3), pow(-8, 1 / 3))
print("pow mod", pow(3, 4, 5), pow(2, 100, 1000), pow(-3, 3, 7), pow(3, -1, 7), pow(7, 0, 1))
print("pow mod big", pow(123456789, 10**18, 10**9 + 7))
print("pow complex", pow(1j, 2), pow(2, 1j) == 2 ** 1j)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(0.0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(10.0, 400)
except OverflowError as e:
    print(type(e).__name__, e)

# round: banker's rounding for halves
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e20 + 0.5]:
    print("round", x, round(x), type(round(x)).__name__)
for x in [3, -3, 10**30]:
    print("round int", x, round(x), round(x, 2), round(x, -1))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-3.14159, 1), round(0.125, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -1), round(15, -1))
print(round(1e300, -300), round(123.456, 0), round(-0.4), round(-0.0, 1), round(0.5, 0))
print(round(25, -1), round(35, -1), round(-25, -1), round(123456789, -4), round(2**70, -10))
print(round(float("inf"), 2), round(float("nan"), 2))
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        round(bad)
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

# abs
print(abs(-5), abs(5), abs(0), abs(-0.0), abs(-2.5), abs(-10**40), abs(True))
print(abs(3 + 4j), abs(-1j), abs(complex(-0.0, 0)), abs(float("-inf")), abs(float("nan")))
print(abs(1e308 + 1e308j), abs(complex(3e200, 4e200)))
